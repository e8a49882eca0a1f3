import { Injectable } from '@nestjs/common';
import { awaitedEventStillHolds, getNodeType, type AwaitedEvent, type FlowEvent, type FlowNode, type PresentFacts } from '@postino/flow-model';
import { FlowVersionCache } from '../flows/flow-version.cache';
import type { ShipmentRow } from '../tracking/shipment';

/** What the truth of a message is judged on: the shipment as it is now. */
export function presentFactsOf(shipment: Pick<ShipmentRow, 'status' | 'lastEventAt' | 'promisedDeliveryDate'>): PresentFacts {
  return {
    shipment: {
      status: shipment.status,
      lastScanAt: shipment.lastEventAt ? new Date(shipment.lastEventAt).toISOString() : null,
      promisedDeliveryDate: shipment.promisedDeliveryDate,
    },
  };
}

/**
 * Whether a message is still true: what a wait of its run went on by, if one did, else the run's trigger
 * (a trigger that can no longer be found is not true any more). The send guard and the dry-run both ask this.
 */
export function messageStillTrue(trigger: FlowNode | undefined, event: FlowEvent, truth: AwaitedEvent | null, present: PresentFacts): boolean {
  if (truth) return awaitedEventStillHolds(truth, present);
  const nodeType = trigger && getNodeType(trigger.type);
  if (!trigger || nodeType?.kind !== 'trigger') return false;
  return nodeType.stillHolds(trigger.config as never, event, present);
}

/** What a message of a run needs to know about that run to ask whether it is still true. */
export interface RunTruthQuestion {
  merchantId: string;
  flowVersionId: string;
  triggerNodeId: string;
  event: FlowEvent;
  /** What a wait of the run went on by, if one did: then that is what must still hold, not the trigger. */
  truth: AwaitedEvent | null;
  present: PresentFacts;
}

/**
 * "Is what this message is about still true?" — asked before each message leaves (DESIGN §5). Usually that is
 * what started the run, answered by its trigger node type (`stillHolds`); after a wait that went on because an
 * awaited event came ("until delivered"), it is what that wait awaited, answered by the event's type. Whoever asks knows
 * nothing of trigger or event kinds.
 */
@Injectable()
export class RunTruthService {
  constructor(private readonly versions: FlowVersionCache) {}

  /** One answer per question, in order; a run whose trigger can no longer be found is not true any more. */
  async stillHold(questions: RunTruthQuestion[]): Promise<boolean[]> {
    const versions = await this.versions.getMany(
      questions.map((q) => ({ merchantId: q.merchantId, versionId: q.flowVersionId })),
    );
    return questions.map((q) => messageStillTrue(versions.get(q.flowVersionId)?.nodes.get(q.triggerNodeId), q.event, q.truth, q.present));
  }
}
