import { Injectable } from '@nestjs/common';
import { awaitedEventStillHolds, getNodeType, type AwaitedEvent, type FlowEvent, type PresentFacts } from '@postino/flow-model';
import { FlowVersionCache } from '../flows/flow-version.cache';

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
    return questions.map((q) => {
      if (q.truth) return awaitedEventStillHolds(q.truth, q.present);
      const trigger = versions.get(q.flowVersionId)?.nodes.get(q.triggerNodeId);
      const nodeType = trigger && getNodeType(trigger.type);
      if (!trigger || nodeType?.kind !== 'trigger') return false;
      return nodeType.stillHolds(trigger.config as never, q.event, q.present);
    });
  }
}
