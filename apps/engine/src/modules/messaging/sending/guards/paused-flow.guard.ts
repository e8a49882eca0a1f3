import { Injectable } from '@nestjs/common';
import { FlowVersionCache } from '../../../flows/flow-version.cache';
import { PublishedFlowsCache } from '../../../flows/published-flows.cache';
import type { Delivery } from '../channels/channel-sender';
import { GuardVerdict, PASS, SendGuard, EVERY_AUDIENCE } from './send-guard';

const HOLD: GuardVerdict = { kind: 'hold' };

/**
 * Pausing a flow stops its sending too: a message of a paused or archived flow is held (not skipped, not sent)
 * until the flow is resumed, and then passes every guard afresh. Asked first, from the caches of what each
 * merchant publishes at the revision read with the claim: no statement in the common case.
 */
@Injectable()
export class PausedFlowGuard implements SendGuard {
  readonly audiences = EVERY_AUDIENCE;
  constructor(
    private readonly publishedFlows: PublishedFlowsCache,
    private readonly versions: FlowVersionCache,
  ) {}

  async judge(deliveries: readonly Delivery[]): Promise<GuardVerdict[]> {
    const held = await this.publishedFlows.heldFlows(
      new Map(deliveries.map(({ message }) => [message.merchantId, message.publicationRevision])),
    );
    if (![...held.values()].some((flows) => flows.size > 0)) return deliveries.map(() => PASS);
    const versions = await this.versions.getMany(
      deliveries.map(({ message }) => ({ merchantId: message.merchantId, versionId: message.flowVersionId })),
    );
    return deliveries.map(({ message }) => {
      const flowId = versions.get(message.flowVersionId)?.flowId;
      return flowId !== undefined && held.get(message.merchantId)?.has(flowId) ? HOLD : PASS;
    });
  }
}
