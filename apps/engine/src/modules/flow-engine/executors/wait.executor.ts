import { Injectable } from '@nestjs/common';
import {
  durationMs,
  nextWindowOpening,
  type AwaitedEvent,
  type RunFacts,
  runTimeZone,
  SHIPMENT_STATUS_CHANGED,
  waitNodeType,
} from '@postino/flow-model';
import type { ConfigOf } from '@postino/flow-model';
import { NodeExecutor, NodeOutcome, StepContext } from '../node-executor';
import { RunFactsRepository } from '../run-facts.repository';

type WaitStep = StepContext<ConfigOf<typeof waitNodeType>>;

/**
 * Waits, then goes on: for a duration, until a local time window opens where the recipient is, or until the
 * shipment reaches a status (with a timeout). A wait is a row due at its time plus a delayed wake-up; a
 * status wait is also found by the trigger matcher when the shipment's event comes.
 */
@Injectable()
export class WaitExecutor implements NodeExecutor<typeof waitNodeType, Map<string, RunFacts>> {
  readonly nodeType = waitNodeType;

  constructor(private readonly facts: RunFactsRepository) {}

  /** Only window waits need to know where the recipient is (the customer's zone, the shop's): one statement for them all. */
  prepare(steps: WaitStep[]): Promise<Map<string, RunFacts>> {
    const windows = steps.filter((step) => step.config.mode === 'window');
    return windows.length > 0 ? this.facts.load(windows, new Set(['customer', 'shop'])) : Promise.resolve(new Map());
  }

  execute(step: WaitStep, facts: Map<string, RunFacts>): NodeOutcome {
    const { config, now, shipment } = step;
    switch (config.mode) {
      case 'duration':
        return { kind: 'wait_until', until: new Date(now.getTime() + durationMs(config.duration)), port: 'next' };
      case 'window': {
        const runFacts = facts.get(shipment.id);
        if (!runFacts) throw new Error(`no facts loaded for shipment ${shipment.id}`);
        return { kind: 'wait_until', until: nextWindowOpening(config.window, now, runTimeZone(runFacts)), port: 'next' };
      }
      case 'status': {
        const awaited: AwaitedEvent = { type: SHIPMENT_STATUS_CHANGED, match: { to: config.statuses } };
        if (config.statuses.includes(shipment.status)) return { kind: 'continue', port: 'next', truth: awaited };
        return {
          kind: 'wait_for',
          event: awaited,
          port: 'next',
          timeoutAt: new Date(now.getTime() + durationMs(config.timeout)),
          timeoutPort: 'timeout',
        };
      }
    }
  }
}
