import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AwaitedEvent, FlowEvent } from '@postino/flow-model';
import { DataSource, EntityManager } from 'typeorm';

export type StepState = 'queued' | 'running' | 'waiting' | 'done' | 'failed';

/** A run to start: one per (flow version, trigger event); its id is chosen by the engine. */
export interface NewRun {
  id: string;
  merchantId: string;
  flowVersionId: string;
  triggerEventId: string;
  triggerNodeId: string;
  shipmentId: string;
}

/** A step handed to this worker, with everything about its run that executing it needs. */
export interface ClaimedStep {
  id: string;
  merchantId: string;
  runId: string;
  nodeId: string;
  attempts: number;
  /** Set when the step was waiting and is now due: it continues through this port without executing again. */
  resumePort: string | null;
  flowVersionId: string;
  triggerNodeId: string;
  shipmentId: string;
  event: FlowEvent;
  /**
   * What a wait of the run went on by ("until delivered", awaited or found so already): what the step and its
   * messages are true to from then on. Null while the run's trigger event is the news.
   */
  truth: AwaitedEvent | null;
  publicationRevision: string;
}

/** What a waiting step waits for: an event of its shipment, and the port it then goes on through. */
export interface StepAwaiting {
  shipmentId: string;
  event: AwaitedEvent;
  port: string;
}

/** Where a step ends up after this batch: a claimed one is updated, one reached in this batch is inserted so. */
export interface StepResult {
  state: Exclude<StepState, 'running'>;
  availableAt: Date;
  resumePort: string | null;
  lastError: string | null;
  /** The port a done step left by (or how it ended, e.g. 'holdout'); null while it is not done or if it just ended. */
  exitPort: string | null;
  /** Set on a step waiting for an event; it is due at its timeout meanwhile. */
  awaiting: StepAwaiting | null;
}

/** A waiting step found for an event of its shipment. */
export interface AwaitingStep {
  id: string;
  shipmentId: string;
  event: AwaitedEvent;
  port: string;
}

/** Where a step belongs: its run, and the version and node it is counted under. */
export interface StepPlace {
  merchantId: string;
  runId: string;
  nodeId: string;
  flowVersionId: string;
}

export interface NewStep extends StepResult, StepPlace {
  /** 1 when it already ran in this batch, 0 when it is only queued. */
  attempts: number;
  /** Inherited from the step that reached it (see ClaimedStep). */
  truth: AwaitedEvent | null;
}

/** What a claimed step ends up as. `resumed`: it was claimed with a port to resume through (a due wait). */
export interface ClaimedResult extends StepResult, StepPlace {
  id: string;
  attempts: number;
  resumed: boolean;
}

/** The rows a settlement actually wrote: claims still standing, reached steps not already there. */
export interface SettledSteps {
  claimed: ClaimedResult[];
  reached: NewStep[];
}

const CLAIMED_STEP_COLUMNS = `st.id, st.merchant_id AS "merchantId", st.run_id AS "runId", st.node_id AS "nodeId",
  st.attempts, st.resume_port AS "resumePort", r.flow_version_id AS "flowVersionId",
  r.trigger_node_id AS "triggerNodeId", r.shipment_id AS "shipmentId", st.truth,
  json_build_object('type', e.type, 'payload', e.payload) AS event, m.publication_revision AS "publicationRevision"`;

/** Runs and their steps: every statement here works on a whole batch. */
@Injectable()
export class FlowRunRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * At most one run per (flow version, trigger event), by its unique key: handling an event twice starts
   * nothing twice. One statement for the whole batch; returns the ids of the runs it inserted.
   */
  async insertRuns(manager: EntityManager, runs: NewRun[], at: Date): Promise<Set<string>> {
    if (runs.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO flow_runs (id, merchant_id, flow_version_id, trigger_event_id, trigger_node_id, shipment_id, created_at)
       SELECT *, $7::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[])
       ON CONFLICT (flow_version_id, trigger_event_id) DO NOTHING
       RETURNING id`,
      [
        runs.map((r) => r.id),
        runs.map((r) => r.merchantId),
        runs.map((r) => r.flowVersionId),
        runs.map((r) => r.triggerEventId),
        runs.map((r) => r.triggerNodeId),
        runs.map((r) => r.shipmentId),
        at,
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * The one conditional UPDATE that hands a batch of due steps (queued, or waiting and now due) to this worker
   * with a lease; SKIP LOCKED lets any number of workers claim side by side.
   */
  claimDue(limit: number, now: Date, leaseSeconds: number): Promise<ClaimedStep[]> {
    return this.db.query(
      `WITH due AS (
         SELECT id FROM flow_steps WHERE state IN ('queued', 'waiting') AND available_at <= $2
          ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE flow_steps st SET state = 'running', attempts = st.attempts + 1, updated_at = $2,
                lease_expires_at = $2::timestamptz + make_interval(secs => $3)
           FROM due WHERE st.id = due.id
         RETURNING st.*)
       SELECT ${CLAIMED_STEP_COLUMNS}
         FROM claimed st
         JOIN flow_runs r ON r.id = st.run_id AND r.merchant_id = st.merchant_id
         JOIN domain_events e ON e.id = r.trigger_event_id AND e.merchant_id = r.merchant_id
         JOIN merchants m ON m.id = st.merchant_id`,
      [limit, now, leaseSeconds],
    );
  }

  /**
   * Settles a batch in the caller's transaction: the claimed steps (only while this worker's claim still
   * stands: same attempt, still running) and the steps reached in this batch. Two statements; returns the
   * rows they wrote, which are what the batch's tallies count. A finished step keeps when it finished, a
   * waiting one until when and for what it waits (the run's log shows them after it went on).
   */
  async settle(manager: EntityManager, claimed: ClaimedResult[], reached: NewStep[], at: Date): Promise<SettledSteps> {
    const settled: SettledSteps = { claimed: [], reached: [] };
    if (claimed.length > 0) {
      // TypeORM answers an UPDATE with [rows, affected count].
      const [rows]: [{ id: string }[], number] = await manager.query(
        `UPDATE flow_steps st
            SET state = u.state, available_at = u.available_at, resume_port = u.resume_port, last_error = u.last_error,
                exit_port = u.exit_port, awaiting = u.awaiting, awaiting_shipment_id = u.awaiting_shipment_id,
                lease_expires_at = NULL, updated_at = $10,
                finished_at = CASE WHEN u.state IN ('done', 'failed') THEN $10::timestamptz END,
                wait_until = CASE WHEN u.state = 'waiting' THEN u.available_at ELSE st.wait_until END,
                wait_for = CASE WHEN u.state = 'waiting' THEN u.awaiting->'event' ELSE st.wait_for END
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
                       $8::jsonb[], $9::uuid[])
                AS u(id, attempts, state, available_at, resume_port, last_error, exit_port, awaiting, awaiting_shipment_id)
          WHERE st.id = u.id AND st.state = 'running' AND st.attempts = u.attempts
         RETURNING st.id`,
        [
          claimed.map((s) => s.id),
          claimed.map((s) => s.attempts),
          claimed.map((s) => s.state),
          claimed.map((s) => s.availableAt),
          claimed.map((s) => s.resumePort),
          claimed.map((s) => s.lastError?.slice(0, 2000) ?? null),
          claimed.map((s) => s.exitPort),
          ...awaitingColumns(claimed),
          at,
        ],
      );
      const written = new Set(rows.map((row) => row.id));
      settled.claimed = claimed.filter((step) => written.has(step.id));
    }
    if (reached.length > 0) {
      const rows: { run_id: string; node_id: string }[] = await manager.query(
        `INSERT INTO flow_steps (merchant_id, run_id, node_id, state, attempts, available_at, resume_port, last_error,
                                 exit_port, awaiting, awaiting_shipment_id, truth, created_at, updated_at,
                                 finished_at, wait_until, wait_for)
         SELECT merchant_id, run_id, node_id, state, attempts, available_at, resume_port, last_error,
                exit_port, awaiting, awaiting_shipment_id, truth, $13, $13,
                CASE WHEN state IN ('done', 'failed') THEN $13::timestamptz END,
                CASE WHEN state = 'waiting' THEN available_at END, CASE WHEN state = 'waiting' THEN awaiting->'event' END
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::text[], $8::text[],
                       $9::text[], $10::jsonb[], $11::uuid[], $12::jsonb[])
                AS u(merchant_id, run_id, node_id, state, attempts, available_at, resume_port, last_error,
                     exit_port, awaiting, awaiting_shipment_id, truth)
         ON CONFLICT (run_id, node_id) DO NOTHING
         RETURNING run_id, node_id`,
        [
          reached.map((s) => s.merchantId),
          reached.map((s) => s.runId),
          reached.map((s) => s.nodeId),
          reached.map((s) => s.state),
          reached.map((s) => s.attempts),
          reached.map((s) => s.availableAt),
          reached.map((s) => s.resumePort),
          reached.map((s) => s.lastError?.slice(0, 2000) ?? null),
          reached.map((s) => s.exitPort),
          ...awaitingColumns(reached),
          reached.map((s) => (s.truth ? JSON.stringify(s.truth) : null)),
          at,
        ],
      );
      const written = new Set(rows.map((row) => `${row.run_id}:${row.node_id}`));
      settled.reached = reached.filter((step) => written.has(`${step.runId}:${step.nodeId}`));
    }
    return settled;
  }

  /**
   * The waiting steps that await an event of these shipments (one statement, on the partial index of such
   * steps). Read in the transaction that marks the events handled, after it wrote its own steps.
   */
  async awaitingSteps(manager: EntityManager, shipments: { merchantId: string; shipmentId: string }[]): Promise<AwaitingStep[]> {
    if (shipments.length === 0) return [];
    const rows: { id: string; shipmentId: string; awaiting: { event: AwaitedEvent; port: string } }[] = await manager.query(
      `SELECT st.id, st.awaiting_shipment_id AS "shipmentId", st.awaiting
         FROM flow_steps st
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(merchant_id, shipment_id)
           ON st.awaiting_shipment_id = k.shipment_id AND st.merchant_id = k.merchant_id
        WHERE st.state = 'waiting' AND st.awaiting_shipment_id IS NOT NULL`,
      [shipments.map((s) => s.merchantId), shipments.map((s) => s.shipmentId)],
    );
    return rows.map((row) => ({ id: row.id, shipmentId: row.shipmentId, ...row.awaiting }));
  }

  /**
   * Makes steps whose awaited event happened due now, through the awaited port, that event becoming what the
   * rest of the run is true to (a message after "wait until delivered" is about the delivery). Only while they
   * still wait for it: a step that timed out meanwhile (claimed, or done) or was woken by another event is left
   * alone, so a stale or duplicate match changes nothing. Returns how many it woke.
   */
  async resumeAwaiting(manager: EntityManager, resumed: { id: string; port: string }[], at: Date): Promise<number> {
    if (resumed.length === 0) return 0;
    const [, count] = await manager.query(
      `UPDATE flow_steps st
          SET available_at = $3, resume_port = u.port, truth = st.awaiting->'event', awaiting = NULL,
              awaiting_shipment_id = NULL, updated_at = $3
         FROM unnest($1::uuid[], $2::text[]) AS u(id, port)
        WHERE st.id = u.id AND st.state = 'waiting' AND st.awaiting_shipment_id IS NOT NULL`,
      [resumed.map((r) => r.id), resumed.map((r) => r.port), at],
    );
    return count;
  }

  /** Steps whose worker died holding them: due again, attempt count kept (the claim counts attempts). */
  async releaseExpiredLeases(now: Date): Promise<number> {
    const [, count] = await this.db.query(
      `UPDATE flow_steps SET state = 'queued', lease_expires_at = NULL, available_at = $1, updated_at = $1,
              last_error = 'lease expired'
        WHERE state = 'running' AND lease_expires_at < $1`,
      [now],
    );
    return count;
  }

  /** Whether steps are due since before `dueBefore` and nobody took them (their wake-up was lost). */
  async anyDueBefore(dueBefore: Date): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM flow_steps WHERE state IN ('queued', 'waiting') AND available_at <= $1) AS due`,
      [dueBefore],
    );
    return rows[0].due;
  }
}

/** The `awaiting` jsonb and `awaiting_shipment_id` columns of settled steps, as unnest arrays. */
function awaitingColumns(steps: StepResult[]): [(string | null)[], (string | null)[]] {
  return [
    steps.map((s) => (s.awaiting ? JSON.stringify({ event: s.awaiting.event, port: s.awaiting.port }) : null)),
    steps.map((s) => s.awaiting?.shipmentId ?? null),
  ];
}
