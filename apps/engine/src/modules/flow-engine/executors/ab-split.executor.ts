import { Injectable } from '@nestjs/common';
import { abSplitNodeType, assignVariant, customerKeyOf, experimentIdOf, HOLDOUT } from '@postino/flow-model';
import type { ConfigOf } from '@postino/flow-model';
import { NodeExecutor, NodeOutcome, StepContext } from '../node-executor';

type AbSplitStep = StepContext<ConfigOf<typeof abSplitNodeType>>;

/**
 * The customer's variant of the node's experiment, the same on every run (a hash, nothing stored). A holdout
 * customer's run ends here, its step recording the exit 'holdout'.
 */
@Injectable()
export class AbSplitExecutor implements NodeExecutor<typeof abSplitNodeType, null> {
  readonly nodeType = abSplitNodeType;

  async prepare(): Promise<null> {
    return null;
  }

  execute(step: AbSplitStep): NodeOutcome {
    const experimentId = experimentIdOf(step.flowId, step.nodeId, step.config);
    const variant = assignVariant(step.config, experimentId, customerKeyOf(step.shipment));
    return variant === HOLDOUT ? { kind: 'end', exit: HOLDOUT } : { kind: 'continue', port: variant };
  }
}
