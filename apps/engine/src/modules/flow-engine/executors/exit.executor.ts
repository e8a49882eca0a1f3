import { Injectable } from '@nestjs/common';
import { exitNodeType } from '@postino/flow-model';
import { NodeExecutor, NodeOutcome } from '../node-executor';

/** Ends the run's branch. */
@Injectable()
export class ExitExecutor implements NodeExecutor<typeof exitNodeType, null> {
  readonly nodeType = exitNodeType;

  async prepare(): Promise<null> {
    return null;
  }

  execute(): NodeOutcome {
    return { kind: 'end' };
  }
}
