import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A step or message a worker claimed and found to belong to a paused or archived flow (by its cache). */
export interface HeldCandidate {
  id: string;
  /** The attempt the worker's claim counted: holding gives it back. */
  attempts: number;
}

/** Of the candidates, the ids held now and those whose flow was resumed meanwhile (due again at once). */
export interface HoldResult {
  held: string[];
  released: string[];
}

const HELD_REASON = 'held: the flow is paused or archived';

/**
 * The work of a paused or archived flow waits, as rows due at 'infinity': steps keep their state (queued, or
 * waiting with the port they resume through), messages stay queued. Workers hold what they claim, so only work
 * that falls due is touched — a wait until Friday still waits until Friday — and resuming makes the flow's held
 * rows due now.
 *
 * Holding locks the candidates' flow rows FOR SHARE and resuming updates them, so the two serialise: a hold that
 * commits first is seen (and released) by the resume, and a hold that comes second sees the flow resumed and makes
 * its rows due now instead. No row can stay held on a flow that is not.
 */
@Injectable()
export class HeldWorkRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Claimed steps go back to waiting (or queued), held unless their flow was resumed meanwhile: two statements. */
  async holdSteps(manager: EntityManager, steps: readonly HeldCandidate[], at: Date): Promise<HoldResult> {
    if (steps.length === 0) return { held: [], released: [] };
    const stillHeld = await this.lockHeldFlows(manager, 'flow_steps', steps);
    const held = steps.map((step) => stillHeld.has(step.id));
    await manager.query(
      `UPDATE flow_steps st
          SET state = CASE WHEN st.resume_port IS NULL THEN 'queued' ELSE 'waiting' END,
              attempts = st.attempts - 1, lease_expires_at = NULL, updated_at = $4,
              available_at = CASE WHEN u.held THEN 'infinity'::timestamptz ELSE $4 END
         FROM unnest($1::uuid[], $2::int[], $3::bool[]) AS u(id, attempts, held)
        WHERE st.id = u.id AND st.state = 'running' AND st.attempts = u.attempts`,
      [steps.map((s) => s.id), steps.map((s) => s.attempts), held, at],
    );
    return this.split(steps, held);
  }

  /** Claimed messages go back to queued, held unless their flow was resumed meanwhile, with a history entry each. */
  async holdMessages(messages: readonly HeldCandidate[], at: Date): Promise<HoldResult> {
    if (messages.length === 0) return { held: [], released: [] };
    return this.db.transaction(async (manager) => {
      const stillHeld = await this.lockHeldFlows(manager, 'messages', messages);
      const held = messages.map((message) => stillHeld.has(message.id));
      await manager.query(
        `WITH u AS (SELECT * FROM unnest($1::uuid[], $2::int[], $3::bool[]) AS u(id, attempts, held)),
         settled AS (
           UPDATE messages msg
              SET state = 'queued', attempts = msg.attempts - 1, lease_expires_at = NULL, updated_at = $4,
                  available_at = CASE WHEN u.held THEN 'infinity'::timestamptz ELSE $4 END
             FROM u
            WHERE msg.id = u.id AND msg.state = 'sending' AND msg.attempts = u.attempts
           RETURNING msg.id, msg.merchant_id, u.held)
         INSERT INTO message_state_changes (merchant_id, message_id, state, detail, at)
         SELECT merchant_id, id, 'held', $5, $4 FROM settled WHERE held`,
        [messages.map((m) => m.id), messages.map((m) => m.attempts), held, at, HELD_REASON],
      );
      return this.split(messages, held);
    });
  }

  /**
   * Makes every held step and message of the flow due at `at`, in the caller's transaction (the one that resumed
   * the flow). Returns how many of each, so the caller wakes the stages that have work.
   */
  async release(manager: EntityManager, merchantId: string, flowId: string, at: Date): Promise<{ steps: number; messages: number }> {
    const [, steps]: [unknown, number] = await manager.query(
      `UPDATE flow_steps st SET available_at = $3, updated_at = $3
         FROM flow_runs r, flow_versions v
        WHERE st.merchant_id = $1 AND st.available_at = 'infinity'
          AND r.id = st.run_id AND v.id = r.flow_version_id AND v.flow_id = $2`,
      [merchantId, flowId, at],
    );
    const messages: unknown[] = await manager.query(
      `WITH released AS (
         UPDATE messages msg SET available_at = $3, updated_at = $3
           FROM flow_runs r, flow_versions v
          WHERE msg.merchant_id = $1 AND msg.available_at = 'infinity'
            AND r.id = msg.run_id AND v.id = r.flow_version_id AND v.flow_id = $2
         RETURNING msg.id, msg.merchant_id)
       INSERT INTO message_state_changes (merchant_id, message_id, state, detail, at)
       SELECT merchant_id, id, 'queued', 'released: the flow was resumed', $3 FROM released
       RETURNING message_id`,
      [merchantId, flowId, at],
    );
    return { steps, messages: messages.length };
  }

  /**
   * The candidates (rows of `table`, each of a run) whose flow is still paused or archived; their flows' rows are
   * locked FOR SHARE until the caller commits.
   */
  private async lockHeldFlows(
    manager: EntityManager,
    table: 'flow_steps' | 'messages',
    candidates: readonly HeldCandidate[],
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT c.id FROM ${table} c
         JOIN flow_runs r ON r.merchant_id = c.merchant_id AND r.id = c.run_id
         JOIN flow_versions v ON v.merchant_id = r.merchant_id AND v.id = r.flow_version_id
         JOIN flows f ON f.merchant_id = v.merchant_id AND f.id = v.flow_id
        WHERE c.id = ANY($1::uuid[]) AND (f.paused_at IS NOT NULL OR f.archived_at IS NOT NULL)
        FOR SHARE OF f`,
      [candidates.map((c) => c.id)],
    );
    return new Set(rows.map((row) => row.id));
  }

  private split(candidates: readonly HeldCandidate[], held: boolean[]): HoldResult {
    return {
      held: candidates.filter((_, i) => held[i]).map((c) => c.id),
      released: candidates.filter((_, i) => !held[i]).map((c) => c.id),
    };
  }
}
