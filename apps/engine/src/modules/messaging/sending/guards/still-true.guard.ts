import { Injectable } from '@nestjs/common';
import { presentFactsOf, RunTruthService } from '../../../flow-runs/run-truth.service';
import type { Delivery } from '../channels/channel-sender';
import { GuardVerdict, PASS, SendGuard, EVERY_AUDIENCE } from './send-guard';

/** "Out for delivery" after delivery is not true any more: the run's trigger is asked whether it still holds. */
@Injectable()
export class StillTrueGuard implements SendGuard {
  readonly audiences = EVERY_AUDIENCE;
  constructor(private readonly truth: RunTruthService) {}

  async judge(deliveries: readonly Delivery[]): Promise<GuardVerdict[]> {
    const holds = await this.truth.stillHold(
      deliveries.map(({ message, shipment }) => ({
        merchantId: message.merchantId,
        flowVersionId: message.flowVersionId,
        triggerNodeId: message.triggerNodeId,
        event: message.event,
        truth: message.truth,
        present: presentFactsOf(shipment),
      })),
    );
    return deliveries.map(({ shipment }, i) =>
      holds[i] ? PASS : { kind: 'skip', reason: `no longer true: the shipment is now ${shipment.status}` },
    );
  }
}
