import { Injectable } from '@nestjs/common';
import { getNodeType, type FlowEvent, type PresentFacts } from '@postino/flow-model';
import { FlowVersionCache } from '../flows/flow-version.cache';

/** What a message of a run needs to know about that run to ask whether it is still true. */
export interface RunTruthQuestion {
  merchantId: string;
  flowVersionId: string;
  triggerNodeId: string;
  event: FlowEvent;
  present: PresentFacts;
}

/**
 * "Is what started this run still true?" — asked before each message leaves (DESIGN §5). The answer comes
 * from the run's trigger node type (`stillHolds`), so whoever asks knows nothing of trigger kinds.
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
      const trigger = versions.get(q.flowVersionId)?.nodes.get(q.triggerNodeId);
      const nodeType = trigger && getNodeType(trigger.type);
      if (!trigger || nodeType?.kind !== 'trigger') return false;
      return nodeType.stillHolds(trigger.config as never, q.event, q.present);
    });
  }
}
