import { Injectable } from '@nestjs/common';
import { type RunFacts, switchNodeType, switchPort } from '@postino/flow-model';
import type { ConfigOf } from '@postino/flow-model';
import { NodeExecutor, NodeOutcome, StepContext } from '../node-executor';
import { RunFactsRepository } from '../run-facts.repository';

type SwitchStep = StepContext<ConfigOf<typeof switchNodeType>>;

/** The exit of the case listing the shipment's status, carrier or country; "default" otherwise. No query. */
@Injectable()
export class SwitchExecutor implements NodeExecutor<typeof switchNodeType, Map<string, RunFacts>> {
  readonly nodeType = switchNodeType;

  constructor(private readonly facts: RunFactsRepository) {}

  // A switch branches on shipment facts only, which the step already holds.
  prepare(steps: SwitchStep[]): Promise<Map<string, RunFacts>> {
    return this.facts.load(steps, new Set(['shipment']));
  }

  execute(step: SwitchStep, facts: Map<string, RunFacts>): NodeOutcome {
    const runFacts = facts.get(step.shipment.id);
    if (!runFacts) throw new Error(`no facts loaded for shipment ${step.shipment.id}`);
    return { kind: 'continue', port: switchPort(step.config, runFacts) };
  }
}
