import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FlowRunLogEntry, FlowRunState } from '@postino/api-contract';
import { DataSource } from 'typeorm';
import { cursorTimeSql, KeysetPosition } from '../../common/http/keyset-cursor';

export interface RunRow {
  id: string;
  flowId: string;
  flowVersionId: string;
  version: number;
  shipmentId: string;
  state: FlowRunState;
  triggerNodeId: string;
  createdAt: Date;
  cursorAt: string;
}

export interface RunDetailRow extends RunRow {
  triggerEventId: string;
  triggerEventType: string;
}

export interface StepLogRow {
  nodeId: string;
  state: 'queued' | 'running' | 'waiting' | 'done' | 'failed';
  enteredAt: Date;
  finishedAt: Date | null;
  exitPort: string | null;
  waitUntil: Date | null;
  waitFor: FlowRunLogEntry['waitingFor'];
  held: boolean;
  attempts: number;
  lastError: string | null;
}

export interface RunMessageRow {
  id: string;
  nodeId: string;
  channel: string;
  recipient: string;
  state: 'queued' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'skipped';
  skipReason: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface RunFilter {
  /** The versions to list runs of; undefined: every version of the merchant. */
  versionIds?: string[];
  shipmentId?: string;
  /** The states to list; each is one index range, merged newest first. */
  states: readonly FlowRunState[];
  after?: KeysetPosition;
  limit: number;
}

const RUN_COLUMNS = `r.id, v.flow_id AS "flowId", r.flow_version_id AS "flowVersionId", v.version,
  r.shipment_id AS "shipmentId", r.state, r.trigger_node_id AS "triggerNodeId", r.created_at AS "createdAt",
  ${cursorTimeSql('r.created_at')} AS "cursorAt"`;

/** Reads of runs for the API; every statement is scoped by merchant and driven by an index. */
@Injectable()
export class FlowRunLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Newest first, keyset paged. A shipment's runs are few (flow_runs_by_shipment). Otherwise each (version,
   * state) pair — or each state, merchant-wide — is one range of flow_runs_by_version (flow_runs_by_state) read
   * newest first up to the page size in a LATERAL subquery, and the ranges are merged: a page costs a page per
   * range, however many runs there are.
   */
  async list(merchantId: string, filter: RunFilter): Promise<RunRow[]> {
    const params: unknown[] = [merchantId, filter.limit + 1];
    const keyset = filter.after
      ? `AND (r.created_at, r.id) < ($${params.push(filter.after.at)}::timestamptz, $${params.push(filter.after.id)}::uuid)`
      : '';
    let runs: string;
    if (filter.shipmentId) {
      const versions = filter.versionIds ? `AND r.flow_version_id = ANY($${params.push(filter.versionIds)}::uuid[])` : '';
      runs = `SELECT r.* FROM flow_runs r
               WHERE r.merchant_id = $1 AND r.shipment_id = $${params.push(filter.shipmentId)}::uuid
                 AND r.state = ANY($${params.push(filter.states)}::text[]) ${versions} ${keyset}
               ORDER BY r.created_at DESC, r.id DESC LIMIT $2`;
    } else if (filter.versionIds) {
      const pairs = filter.versionIds.flatMap((versionId) => filter.states.map((state) => [versionId, state]));
      runs = `SELECT r.* FROM unnest($${params.push(pairs.map(([v]) => v))}::uuid[], $${params.push(pairs.map(([, s]) => s))}::text[])
                     AS k(version_id, state)
               CROSS JOIN LATERAL (
                 SELECT r.* FROM flow_runs r
                  WHERE r.flow_version_id = k.version_id AND r.state = k.state AND r.merchant_id = $1 ${keyset}
                  ORDER BY r.created_at DESC, r.id DESC LIMIT $2) r`;
    } else {
      runs = `SELECT r.* FROM unnest($${params.push(filter.states)}::text[]) AS k(state)
               CROSS JOIN LATERAL (
                 SELECT r.* FROM flow_runs r
                  WHERE r.merchant_id = $1 AND r.state = k.state ${keyset}
                  ORDER BY r.created_at DESC, r.id DESC LIMIT $2) r`;
    }
    return this.db.query(
      `SELECT ${RUN_COLUMNS}
         FROM (${runs}) r
         JOIN flow_versions v ON v.merchant_id = r.merchant_id AND v.id = r.flow_version_id
        ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
      params,
    );
  }

  async find(merchantId: string, runId: string): Promise<RunDetailRow | undefined> {
    const rows: RunDetailRow[] = await this.db.query(
      `SELECT ${RUN_COLUMNS}, r.trigger_event_id AS "triggerEventId", e.type AS "triggerEventType"
         FROM flow_runs r
         JOIN flow_versions v ON v.merchant_id = r.merchant_id AND v.id = r.flow_version_id
         JOIN domain_events e ON e.merchant_id = r.merchant_id AND e.id = r.trigger_event_id
        WHERE r.merchant_id = $1 AND r.id = $2`,
      [merchantId, runId],
    );
    return rows[0];
  }

  /** The run's steps (UNIQUE (run_id, node_id)) and its messages (found through its shipment's index). */
  async logOf(merchantId: string, run: { id: string; shipmentId: string }): Promise<{ steps: StepLogRow[]; messages: RunMessageRow[] }> {
    const [steps, messages] = await Promise.all([
      this.db.query(
        `SELECT node_id AS "nodeId", state, created_at AS "enteredAt", finished_at AS "finishedAt", exit_port AS "exitPort",
                wait_until AS "waitUntil", wait_for AS "waitFor", available_at = 'infinity' AS held, attempts,
                last_error AS "lastError"
           FROM flow_steps WHERE merchant_id = $1 AND run_id = $2`,
        [merchantId, run.id],
      ),
      this.db.query(
        `SELECT id, node_id AS "nodeId", channel, recipient, state, skip_reason AS "skipReason", last_error AS "lastError",
                created_at AS "createdAt", sent_at AS "sentAt"
           FROM messages WHERE merchant_id = $1 AND shipment_id = $2 AND run_id = $3
          ORDER BY created_at, id`,
        [merchantId, run.shipmentId, run.id],
      ),
    ]);
    return { steps, messages };
  }

  /** The version ids of a flow of this merchant, or only the one numbered `version`. */
  async versionIdsOf(merchantId: string, flowId: string, version?: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM flow_versions WHERE merchant_id = $1 AND flow_id = $2 AND ($3::int IS NULL OR version = $3)`,
      [merchantId, flowId, version ?? null],
    );
    return rows.map((row) => row.id);
  }
}
