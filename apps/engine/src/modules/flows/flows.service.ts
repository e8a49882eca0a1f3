import { HttpStatus, Injectable } from '@nestjs/common';
import type { CreateFlowRequest, UpdateFlowRequest } from '@postino/api-contract';
import { FlowDocument, flowReferences, NodeReference, referenceIssues, ReferenceState, validateFlow } from '@postino/flow-model';
import { ApiError } from '../../common/http/api-error';
import { EmailTemplatesService } from '../email-templates/email-templates.service';
import { flowInvalid } from './flow-invalid.error';
import {
  FlowRecord,
  FlowRepository,
  FlowSummary,
  FlowVersionSummary,
  PublishedFlowVersion,
} from './flow.repository';

/** Each attempt re-checks a draft that was edited while being published. */
const PUBLISH_ATTEMPTS = 3;

/** Of each id asked about, whether it has a published version; ids missing from the map are not the merchant's. */
type PublicationStates = ReadonlyMap<string, boolean>;

export interface FlowDetail extends FlowRecord {
  /** Newest first. */
  versions: FlowVersionSummary[];
}

@Injectable()
export class FlowsService {
  constructor(
    private readonly flows: FlowRepository,
    private readonly emailTemplates: EmailTemplatesService,
  ) {}

  /** How publishing looks up each kind of thing a node may reference (a new kind will not compile without one). */
  private readonly publicationLookups: Record<
    NodeReference['kind'],
    (merchantId: string, ids: string[]) => Promise<PublicationStates>
  > = {
    email_template: (merchantId, ids) => this.emailTemplates.publicationStates(merchantId, ids),
  };

  /** The draft has been checked for structure by the request schema; publishing checks that it can run. */
  async create(merchantId: string, input: CreateFlowRequest): Promise<FlowDetail> {
    const flow = await this.flows.create(merchantId, { name: input.name, draft: input.definition });
    return { ...flow, versions: [] };
  }

  list(merchantId: string): Promise<FlowSummary[]> {
    return this.flows.list(merchantId);
  }

  async get(merchantId: string, id: string): Promise<FlowDetail> {
    const flow = await this.flows.find(merchantId, id);
    if (!flow) throw ApiError.notFound('Flow');
    return this.withVersions(merchantId, flow);
  }

  async update(merchantId: string, id: string, patch: UpdateFlowRequest): Promise<FlowDetail> {
    const flow = await this.flows.update(merchantId, id, { name: patch.name, draft: patch.definition });
    if (!flow) throw ApiError.notFound('Flow');
    return this.withVersions(merchantId, flow);
  }

  /**
   * Makes the draft the version new runs start on. Runs already started keep the version they started
   * with: versions are immutable and runs point at them.
   *
   * The draft is checked before the flow row is locked (the check reads templates, and holding a
   * connection while asking the pool for another can exhaust it); publishing then takes effect only
   * if the draft is still the one checked, and an edit made in between is checked afresh.
   */
  async publish(merchantId: string, id: string): Promise<PublishedFlowVersion> {
    for (let attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
      const flow = await this.flows.find(merchantId, id);
      if (!flow) throw ApiError.notFound('Flow');
      await this.assertRunnable(merchantId, flow.draft);
      const published = await this.flows.publish(merchantId, id, flow.draft);
      if (!published) throw ApiError.notFound('Flow');
      if (published !== 'draft_changed') return published;
    }
    throw new ApiError(HttpStatus.CONFLICT, 'draft_changed', 'The flow kept changing while it was being published: try again');
  }

  /** The flow stops triggering; its versions, and the runs on them, are kept. */
  async unpublish(merchantId: string, id: string): Promise<FlowDetail> {
    if (!(await this.flows.unpublish(merchantId, id))) throw ApiError.notFound('Flow');
    return this.get(merchantId, id);
  }

  /** Throws a 422 listing everything that keeps the draft from running. */
  private async assertRunnable(merchantId: string, draft: FlowDocument): Promise<void> {
    const validation = validateFlow(draft);
    if (!validation.ok) throw flowInvalid(draft, validation.issues);
    const states = await this.publicationStates(merchantId, flowReferences(validation.flow));
    const issues = referenceIssues(validation.flow, ({ kind, id }): ReferenceState => {
      const published = states.get(kind)?.get(id);
      return published === undefined ? 'missing' : published ? 'published' : 'unpublished';
    });
    if (issues.length > 0) throw flowInvalid(draft, issues);
  }

  /** Of every referenced id, by kind, whether it is the merchant's and published: one query per kind. */
  private async publicationStates(
    merchantId: string,
    references: readonly NodeReference[],
  ): Promise<Map<NodeReference['kind'], PublicationStates>> {
    const idsByKind = new Map<NodeReference['kind'], Set<string>>();
    for (const { kind, id } of references) idsByKind.set(kind, (idsByKind.get(kind) ?? new Set()).add(id));
    const lookups = [...idsByKind].map(
      async ([kind, ids]) => [kind, await this.publicationLookups[kind](merchantId, [...ids])] as const,
    );
    return new Map(await Promise.all(lookups));
  }

  private async withVersions(merchantId: string, flow: FlowRecord): Promise<FlowDetail> {
    return { ...flow, versions: await this.flows.versions(merchantId, flow.id) };
  }
}
