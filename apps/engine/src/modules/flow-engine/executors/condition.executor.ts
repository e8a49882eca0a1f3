import { Injectable } from '@nestjs/common';
import { conditionFacts, conditionNodeType, evaluateCondition, type RunFacts, subjectsOf } from '@postino/flow-model';
import type { ConfigOf } from '@postino/flow-model';
import { NodeExecutor, NodeOutcome, StepContext } from '../node-executor';
import { RunFactsRepository } from '../run-facts.repository';

type ConditionStep = StepContext<ConfigOf<typeof conditionNodeType>>;

/** "Yes" or "no" by the condition's rules over the run's facts; orders and customers are read only if a rule asks. */
@Injectable()
export class ConditionExecutor implements NodeExecutor<typeof conditionNodeType, Map<string, RunFacts>> {
  readonly nodeType = conditionNodeType;

  constructor(private readonly facts: RunFactsRepository) {}

  prepare(steps: ConditionStep[]): Promise<Map<string, RunFacts>> {
    return this.facts.load(steps, subjectsOf(steps.flatMap((step) => conditionFacts(step.config))));
  }

  execute(step: ConditionStep, facts: Map<string, RunFacts>): NodeOutcome {
    const runFacts = facts.get(step.shipment.id);
    if (!runFacts) throw new Error(`no facts loaded for shipment ${step.shipment.id}`);
    return { kind: 'continue', port: evaluateCondition(step.config, runFacts) ? 'yes' : 'no' };
  }
}
