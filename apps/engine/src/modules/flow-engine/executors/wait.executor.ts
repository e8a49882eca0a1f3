import { Injectable } from '@nestjs/common';
import { waitDurationMs, waitNodeType } from '@postino/flow-model';
import type { ConfigOf } from '@postino/flow-model';
import { NodeExecutor, NodeOutcome, StepContext } from '../node-executor';

/** Waits for a duration, then goes on: the step is a row due at that time (plus a delayed wake-up). */
@Injectable()
export class WaitExecutor implements NodeExecutor<typeof waitNodeType, null> {
  readonly nodeType = waitNodeType;

  async prepare(): Promise<null> {
    return null;
  }

  execute(step: StepContext<ConfigOf<typeof waitNodeType>>): NodeOutcome {
    return { kind: 'wait_until', until: new Date(step.now.getTime() + waitDurationMs(step.config)), port: 'next' };
  }
}
