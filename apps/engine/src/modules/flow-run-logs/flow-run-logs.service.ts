import { Injectable } from '@nestjs/common';
import { FLOW_RUN_STATES, type FlowRunDetail, type FlowVersionCounters, type ListFlowRunsQuery } from '@postino/api-contract';
import { ApiError } from '../../common/http/api-error';
import { decodeKeyset, pageOf } from '../../common/http/keyset-cursor';
import { FlowVersionCache } from '../flows/flow-version.cache';
import { FlowRunLogRepository } from './flow-run-log.repository';
import { NodeCountersRepository } from './node-counters.repository';
import { countersView, runLogView, runSummaryView } from './run-views';

/** Runs with their logs, and the per-node counters of flow versions, as the API shows them. */
@Injectable()
export class FlowRunLogsService {
  constructor(
    private readonly runs: FlowRunLogRepository,
    private readonly counters: NodeCountersRepository,
    private readonly versions: FlowVersionCache,
  ) {}

  async list(merchantId: string, query: ListFlowRunsQuery) {
    const after = query.cursor ? decodeKeyset(query.cursor) : undefined;
    // A flow of another merchant, or a version it does not have, has no runs to list.
    const versionIds = query.flowId ? await this.runs.versionIdsOf(merchantId, query.flowId, query.version) : undefined;
    if (versionIds?.length === 0) return { items: [], nextCursor: null };
    const rows = await this.runs.list(merchantId, {
      versionIds,
      shipmentId: query.shipmentId,
      states: query.state ? [query.state] : FLOW_RUN_STATES,
      after,
      limit: query.limit,
    });
    return pageOf(rows, query.limit, runSummaryView);
  }

  async get(merchantId: string, runId: string): Promise<FlowRunDetail> {
    const run = await this.runs.find(merchantId, runId);
    if (!run) throw ApiError.notFound('Flow run');
    const [log, versions] = await Promise.all([
      this.runs.logOf(merchantId, run),
      this.versions.getMany([{ merchantId, versionId: run.flowVersionId }]),
    ]);
    const definition = versions.get(run.flowVersionId)?.definition ?? { nodes: [], edges: [] };
    return {
      ...runSummaryView(run),
      triggerEvent: { id: run.triggerEventId, type: run.triggerEventType },
      log: runLogView(definition, log.steps, log.messages),
    };
  }

  /** The counters of a flow's version numbered `version`, or of its published version when null. */
  async countersOf(merchantId: string, flowId: string, version: number | null): Promise<FlowVersionCounters> {
    const found = await this.counters.findVersion(merchantId, flowId, version);
    if (!found) throw ApiError.notFound(version === null ? 'Published flow version' : 'Version');
    const [counts, versions] = await Promise.all([
      this.counters.countsOf(merchantId, found.id),
      this.versions.getMany([{ merchantId, versionId: found.id }]),
    ]);
    const definition = versions.get(found.id)?.definition ?? { nodes: [], edges: [] };
    return { flowId: found.flowId, flowVersionId: found.id, version: found.version, nodes: countersView(definition, counts) };
  }
}
