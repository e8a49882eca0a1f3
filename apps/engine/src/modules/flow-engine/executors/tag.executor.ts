import { Injectable } from '@nestjs/common';
import { tagNodeType, type TagConfig } from '@postino/flow-model';
import { TagChangesEffect } from '../effects/tag/tag-changes.effect';
import { NodeExecutor, NodeOutcome, StepContext, StepEffects } from '../node-executor';

/**
 * Asks for the node's tags to be added to or removed from the run's shipment or its customer, written with
 * the step. A shipment without a customer has no one to tag: the run goes on all the same.
 */
@Injectable()
export class TagExecutor implements NodeExecutor<typeof tagNodeType, null> {
  readonly nodeType = tagNodeType;

  constructor(private readonly tagChanges: TagChangesEffect) {}

  async prepare(): Promise<null> {
    return null;
  }

  execute(step: StepContext<TagConfig>, _prepared: null, effects: StepEffects): NodeOutcome {
    const { target, action, tags } = step.config;
    const holderId = target === 'shipment' ? step.shipment.id : step.shipment.customerId;
    if (holderId) effects.add(this.tagChanges, { target, holderId, action, tags });
    return { kind: 'continue', port: 'next' };
  }
}
