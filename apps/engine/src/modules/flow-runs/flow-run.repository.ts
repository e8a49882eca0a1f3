import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FlowDocument } from '@postino/flow-model';
import { DataSource, EntityManager } from 'typeorm';

export interface ClaimedStep {
  id: string;
  merchantId: string;
  runId: string;
  nodeId: string;
  attempts: number;
}

export interface RunContext {
  runId: string;
  flowVersionId: string;
  definition: FlowDocument;
  shipmentId: string;
  triggerEventId: string;
  triggerPayload: unknown;
}

@Injectable()
export class FlowRunRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** At most one run per (flow version, trigger event): returns null when it already exists. */
  async createRun(
    manager: EntityManager,
    input: { merchantId: string; flowVersionId: string; triggerEventId: string; shipmentId: string },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO flow_runs (merchant_id, flow_version_id, trigger_event_id, shipment_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (flow_version_id, trigger_event_id) DO NOTHING RETURNING id`,
      [input.merchantId, input.flowVersionId, input.triggerEventId, input.shipmentId],
    );
    return rows[0]?.id ?? null;
  }

  /** One step per (run, node): a node runs at most once per run. Returns the steps created now. */
  async createSteps(manager: EntityManager, merchantId: string, runId: string, nodeIds: string[]): Promise<string[]> {
    if (nodeIds.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO flow_steps (merchant_id, run_id, node_id) SELECT $1, $2, unnest($3::text[])
       ON CONFLICT (run_id, node_id) DO NOTHING RETURNING id`,
      [merchantId, runId, nodeIds],
    );
    return rows.map((r) => r.id);
  }

  /** The one conditional UPDATE that hands a due step to exactly one worker, with a lease. */
  async claimStep(merchantId: string, stepId: string, leaseSeconds: number): Promise<ClaimedStep | null> {
    const [rows] = await this.db.query(
      `UPDATE flow_steps SET state = 'running', attempts = attempts + 1, updated_at = now(),
              lease_expires_at = now() + make_interval(secs => $3)
        WHERE merchant_id = $1 AND id = $2 AND state = 'queued' AND available_at <= now()
        RETURNING id, merchant_id AS "merchantId", run_id AS "runId", node_id AS "nodeId", attempts`,
      [merchantId, stepId, leaseSeconds],
    );
    return rows[0] ?? null;
  }

  async runContext(merchantId: string, runId: string): Promise<RunContext | null> {
    const rows = await this.db.query(
      `SELECT r.id AS "runId", r.flow_version_id AS "flowVersionId", v.definition, r.shipment_id AS "shipmentId",
              r.trigger_event_id AS "triggerEventId", e.payload AS "triggerPayload"
         FROM flow_runs r
         JOIN flow_versions v ON v.id = r.flow_version_id
         JOIN domain_events e ON e.id = r.trigger_event_id
        WHERE r.merchant_id = $1 AND r.id = $2`,
      [merchantId, runId],
    );
    return rows[0] ?? null;
  }

  async completeStep(manager: EntityManager, merchantId: string, stepId: string): Promise<void> {
    await manager.query(
      `UPDATE flow_steps SET state = 'done', lease_expires_at = NULL, last_error = NULL, updated_at = now()
        WHERE merchant_id = $1 AND id = $2 AND state = 'running'`,
      [merchantId, stepId],
    );
  }

  /** Puts a failed step back in line after `retryInSeconds`, or fails it for good when that is null. */
  async failStep(merchantId: string, stepId: string, error: string, retryInSeconds: number | null): Promise<void> {
    await this.db.query(
      `UPDATE flow_steps
          SET state = CASE WHEN $4::int IS NULL THEN 'failed' ELSE 'queued' END,
              available_at = now() + make_interval(secs => coalesce($4::int, 0)),
              lease_expires_at = NULL, last_error = $3, updated_at = now()
        WHERE merchant_id = $1 AND id = $2 AND state = 'running'`,
      [merchantId, stepId, error.slice(0, 2000), retryInSeconds],
    );
  }

  /** Steps whose worker died: back to queued, attempt count kept. */
  async releaseExpiredLeases(): Promise<{ id: string; merchantId: string; attempts: number }[]> {
    const [rows] = await this.db.query(
      `UPDATE flow_steps SET state = 'queued', lease_expires_at = NULL, available_at = now(), updated_at = now(),
              last_error = 'lease expired'
        WHERE state = 'running' AND lease_expires_at < now()
        RETURNING id, merchant_id AS "merchantId", attempts`,
    );
    return rows;
  }

  /** Due steps that should have been picked up by now (their job was lost, e.g. Redis restarted). */
  async overdueSteps(olderThanSeconds: number, limit: number) {
    return this.db.query(
      `SELECT id, merchant_id AS "merchantId", attempts FROM flow_steps
        WHERE state = 'queued' AND available_at < now() - make_interval(secs => $1)
        ORDER BY available_at LIMIT $2`,
      [olderThanSeconds, limit],
    ) as Promise<{ id: string; merchantId: string; attempts: number }[]>;
  }
}
