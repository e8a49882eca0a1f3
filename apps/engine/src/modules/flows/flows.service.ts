import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import {
  CreateFlowRequest,
  FlowDetailView,
  FlowSummaryView,
  FlowVersionView,
  LifecycleAction,
  PublishedFlowVersionView,
  SaveFlowDraftRequest,
  UpdateFlowRequest,
  VersionSummary,
} from '@postino/api-contract';
import { FlowDocument, flowReferences, referenceIssues, validateFlow } from '@postino/flow-model';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../../common/http/api-error';
import { QUEUES } from '../queues/queue-names';
import { sendWakeUp, WakeUpJob } from '../queues/wake-ups';
import { FLOWS } from '../publishing/publishable-kinds';
import { BuiltVersion, LockedDraft } from '../publishing/publishing.repository';
import { PublishingService } from '../publishing/publishing.service';
import { versionSummaryView } from '../publishing/version-view';
import { pinReferences, referenceState } from '../publishing/version-pins';
import { flowInvalid } from './flow-invalid.error';
import { FlowRecord, FlowRepository } from './flow.repository';
import { flowDetailView, flowSummaryView } from './flow-views';
import { HeldWorkRepository } from './held-work.repository';

/**
 * Flows on the shared lifecycle (modules/publishing): what is theirs is how a draft becomes a runnable version —
 * validated with the flow model, its references checked and pinned to the versions published now — and what
 * pausing means: the trigger matcher ignores a paused flow, and the due work of its runs is held until resumed.
 */
@Injectable()
export class FlowsService {
  constructor(
    private readonly flows: FlowRepository,
    private readonly publishing: PublishingService,
    private readonly heldWork: HeldWorkRepository,
    @InjectQueue(QUEUES.flowSteps) private readonly stepWakeUps: Queue<WakeUpJob>,
    @InjectQueue(QUEUES.messages) private readonly messageWakeUps: Queue<WakeUpJob>,
  ) {}

  /** The draft has been checked for structure by the request schema; publishing checks that it can run. */
  async create(merchantId: string, input: CreateFlowRequest): Promise<FlowDetailView> {
    const flow = await this.flows.create(merchantId, { name: input.name, draft: input.definition });
    return flowDetailView(flow, []);
  }

  async list(merchantId: string, archived: boolean): Promise<FlowSummaryView[]> {
    return (await this.flows.list(merchantId, archived)).map(flowSummaryView);
  }

  async get(merchantId: string, id: string): Promise<FlowDetailView> {
    const flow = await this.flows.find(merchantId, id);
    if (!flow) throw ApiError.notFound(FLOWS.label);
    return this.withVersions(merchantId, flow);
  }

  /** Renames and/or replaces the draft; conditional on `revision` when given. */
  async update(merchantId: string, id: string, patch: UpdateFlowRequest): Promise<FlowDetailView> {
    await this.publishing.saveDraft(
      FLOWS,
      merchantId,
      id,
      {
        revision: patch.revision,
        content: patch.definition === undefined ? {} : { draft: JSON.stringify(patch.definition) },
        metadata: patch.name === undefined ? {} : { name: patch.name },
      },
      () => this.get(merchantId, id),
    );
    return this.get(merchantId, id);
  }

  /** The editor's save: always conditional on the revision it edited. */
  saveDraft(merchantId: string, id: string, save: SaveFlowDraftRequest): Promise<FlowDetailView> {
    return this.update(merchantId, id, save);
  }

  /**
   * Makes the draft (at `revision`, when given) the version new runs start on, pinning the template version each
   * send node sends. Runs already started keep the version they started with: versions are immutable and runs
   * point at them. A paused flow stays paused.
   */
  async publish(merchantId: string, id: string, revision?: number): Promise<PublishedFlowVersionView> {
    const published = await this.publishing.publish(
      FLOWS,
      merchantId,
      id,
      revision,
      (draft, manager) => this.runnableVersion(merchantId, draft, manager),
      () => this.get(merchantId, id),
    );
    return { ...versionSummaryView(published), flowId: id, pins: published.pins };
  }

  async versions(merchantId: string, id: string): Promise<VersionSummary[]> {
    return (await this.publishing.versions(FLOWS, merchantId, id)).map(versionSummaryView);
  }

  async version(merchantId: string, id: string, number: number): Promise<FlowVersionView> {
    const version = await this.publishing.version(FLOWS, merchantId, id, number);
    return { ...versionSummaryView(version), flowId: id, definition: version.content.definition as FlowDocument, pins: version.pins };
  }

  /** The version's definition becomes the draft (a new revision); what runs changes only when it is published. */
  async restore(merchantId: string, id: string, number: number, revision?: number): Promise<FlowDetailView> {
    await this.publishing.restore(FLOWS, merchantId, id, number, revision, () => this.get(merchantId, id));
    return this.get(merchantId, id);
  }

  /**
   * Pause: no new runs, and the due work of started runs waits. Resume: runs start again and held work goes on at
   * once. Archive: hidden and held like a paused flow. Unarchive: back, paused if it was published. Unpublish: no
   * new runs; started runs finish (held work goes on).
   */
  async apply(merchantId: string, id: string, action: Exclude<LifecycleAction, 'publish'>): Promise<FlowDetailView> {
    let released = { steps: 0, messages: 0 };
    await this.publishing.apply(FLOWS, merchantId, id, action, async (manager, at) => {
      released = await this.heldWork.release(manager, merchantId, id, at);
    });
    // After commit: the workers of any engine claim what became due.
    if (released.steps > 0) await sendWakeUp(this.stepWakeUps, [id]);
    if (released.messages > 0) await sendWakeUp(this.messageWakeUps, [id]);
    return this.get(merchantId, id);
  }

  /** Throws a 422 listing everything that keeps the draft from running; else its version content and pins. */
  private async runnableVersion(merchantId: string, draft: LockedDraft, manager: EntityManager): Promise<BuiltVersion> {
    const definition = draft.content.draft;
    const validation = validateFlow(definition);
    if (!validation.ok) throw flowInvalid(definition, validation.issues);
    const references = flowReferences(validation.flow);
    const current = await this.publishing.currentVersions(manager, merchantId, references);
    const issues = referenceIssues(validation.flow, (reference) => referenceState(current, reference));
    if (issues.length > 0) throw flowInvalid(definition, issues);
    return { content: { definition: JSON.stringify(definition) }, pins: pinReferences(references, current) };
  }

  private async withVersions(merchantId: string, flow: FlowRecord): Promise<FlowDetailView> {
    return flowDetailView(flow, await this.publishing.versions(FLOWS, merchantId, flow.id));
  }
}
