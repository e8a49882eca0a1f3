import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AwaitedEvent, FlowEvent } from '@postino/flow-model';
import { DataSource, EntityManager } from 'typeorm';

export type MessageState = 'queued' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'skipped';

/** A message to create: unique per (run, node, recipient) by its idempotency key. */
export interface NewMessage {
  merchantId: string;
  idempotencyKey: string;
  messageId: string;
  runId: string;
  nodeId: string;
  shipmentId: string;
  channel: string;
  recipient: string;
  /** Null for a message whose content is its send node's (an SMS's text). */
  templateVersionId: string | null;
  /** What its step was true to (see ClaimedStep); null: the run's trigger event. */
  truth: AwaitedEvent | null;
  state: 'queued' | 'skipped';
  skipReason: string | null;
}

/** A message handed to this sender, with what re-reading the present and rendering it need. */
export interface ClaimedMessage {
  id: string;
  merchantId: string;
  messageId: string;
  /** The send node of the run's flow version that asked for it. */
  nodeId: string;
  shipmentId: string;
  channel: string;
  recipient: string;
  templateVersionId: string | null;
  attempts: number;
  flowVersionId: string;
  triggerNodeId: string;
  event: FlowEvent;
  /** What a wait of its run went on by ("until delivered"): asked instead of the trigger whether it still holds. */
  truth: AwaitedEvent | null;
  merchantName: string;
  /** The merchant's publication revision read with the claim: the key for caches of what is published. */
  publicationRevision: string;
}

export type MessageOutcome =
  | { state: 'sent'; subject: string }
  | { state: 'skipped'; reason: string }
  | { state: 'failed'; error: string }
  | { state: 'queued' | 'uncertain'; error: string; retryAt: Date }
  /** Not now (e.g. quiet hours): queued again for `retryAt`, and this attempt does not count. */
  | { state: 'deferred'; reason: string; retryAt: Date };

export interface MessageSettlement {
  id: string;
  merchantId: string;
  /** The attempt this sender claimed: a settlement of an attempt that is no longer current changes nothing. */
  attempts: number;
  outcome: MessageOutcome;
}

const CLAIMED_COLUMNS = `c.id, c.merchant_id AS "merchantId", c.message_id AS "messageId", c.node_id AS "nodeId", c.shipment_id AS "shipmentId",
  c.channel, c.recipient, c.template_version_id AS "templateVersionId", c.attempts,
  r.flow_version_id AS "flowVersionId", r.trigger_node_id AS "triggerNodeId", c.truth,
  json_build_object('type', e.type, 'payload', e.payload) AS event, m.name AS "merchantName",
  m.publication_revision AS "publicationRevision"`;

/** Messages and their state history; every statement on the send path works on a whole batch. */
@Injectable()
export class MessageRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts what is new (an existing idempotency key wins) with each one's first history entry: one statement. */
  async insertMany(manager: EntityManager, messages: NewMessage[], at: Date): Promise<number> {
    if (messages.length === 0) return 0;
    const rows = await manager.query(
      `WITH inserted AS (
         INSERT INTO messages (merchant_id, idempotency_key, message_id, run_id, node_id, shipment_id, channel, recipient,
                               template_version_id, truth, state, skip_reason, available_at, created_at, updated_at)
         SELECT merchant_id, idempotency_key, message_id, run_id, node_id, shipment_id, channel, recipient,
                template_version_id, truth, state, skip_reason, $13, $13, $13
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[],
                       $9::uuid[], $10::jsonb[], $11::text[], $12::text[])
                AS u(merchant_id, idempotency_key, message_id, run_id, node_id, shipment_id, channel, recipient,
                     template_version_id, truth, state, skip_reason)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, merchant_id, state, skip_reason)
       INSERT INTO message_state_changes (merchant_id, message_id, state, detail, at)
       SELECT merchant_id, id, state, skip_reason, $13 FROM inserted
       RETURNING message_id`,
      [
        messages.map((m) => m.merchantId),
        messages.map((m) => m.idempotencyKey),
        messages.map((m) => m.messageId),
        messages.map((m) => m.runId),
        messages.map((m) => m.nodeId),
        messages.map((m) => m.shipmentId),
        messages.map((m) => m.channel),
        messages.map((m) => m.recipient),
        messages.map((m) => m.templateVersionId),
        messages.map((m) => (m.truth ? JSON.stringify(m.truth) : null)),
        messages.map((m) => m.state),
        messages.map((m) => m.skipReason),
        at,
      ],
    );
    return rows.length;
  }

  /**
   * Hands a batch of due messages to this sender with a lease, recording the attempt: one statement.
   * `uncertain` ones (a sender died after handing them over, perhaps) are retried with the same Message-ID.
   * The claim commits durably before anything is sent, so a crash after it can only leave a message
   * `sending`, which the sweeper turns `uncertain`.
   */
  claimDue(limit: number, now: Date, leaseSeconds: number): Promise<ClaimedMessage[]> {
    return this.db.query(
      `WITH due AS (
         SELECT id FROM messages WHERE state IN ('queued', 'uncertain') AND available_at <= $2
          ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE messages msg SET state = 'sending', attempts = msg.attempts + 1, updated_at = $2,
                lease_expires_at = $2::timestamptz + make_interval(secs => $3)
           FROM due WHERE msg.id = due.id
         RETURNING msg.*),
       history AS (
         INSERT INTO message_state_changes (merchant_id, message_id, state, detail, at)
         SELECT merchant_id, id, 'sending', 'attempt ' || attempts, $2 FROM claimed)
       SELECT ${CLAIMED_COLUMNS}
         FROM claimed c
         JOIN flow_runs r ON r.id = c.run_id AND r.merchant_id = c.merchant_id
         JOIN domain_events e ON e.id = r.trigger_event_id AND e.merchant_id = r.merchant_id
         JOIN merchants m ON m.id = c.merchant_id
        ORDER BY c.available_at`,
      [limit, now, leaseSeconds],
    );
  }

  /**
   * Moves messages this sender holds to their next state, with the history entries: one statement. Written
   * with synchronous_commit off: a commit lost to a database crash leaves the message `sending`, which the
   * sweeper turns `uncertain` and resends with the same Message-ID — never a lost or doubled row — while a
   * sender's settle no longer waits for a disk flush, so a killed sender leaves fewer sent-but-unrecorded.
   */
  async settleMany(settlements: MessageSettlement[], at: Date): Promise<void> {
    if (settlements.length === 0) return;
    const detail = (o: MessageOutcome) =>
      o.state === 'sent' ? null : o.state === 'skipped' || o.state === 'deferred' ? o.reason : o.error.slice(0, 2000);
    await this.db.transaction(async (manager) => {
      await manager.query(`SET LOCAL synchronous_commit = off`);
      await manager.query(
        `WITH u AS (
           SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                    AS u(id, attempts, state, subject, detail, available_at)),
         settled AS (
           UPDATE messages msg
              SET state = CASE WHEN u.state = 'deferred' THEN 'queued' ELSE u.state END,
                  attempts = CASE WHEN u.state = 'deferred' THEN msg.attempts - 1 ELSE msg.attempts END,
                  lease_expires_at = NULL, updated_at = $7,
                  subject = coalesce(u.subject, msg.subject),
                  skip_reason = CASE WHEN u.state = 'skipped' THEN u.detail ELSE msg.skip_reason END,
                  last_error = CASE WHEN u.state IN ('failed', 'queued', 'uncertain') THEN u.detail ELSE msg.last_error END,
                  sent_at = CASE WHEN u.state = 'sent' THEN $7 ELSE msg.sent_at END,
                  available_at = coalesce(u.available_at, msg.available_at)
             FROM u
            WHERE msg.id = u.id AND msg.state = 'sending' AND msg.attempts = u.attempts
           RETURNING msg.id, msg.merchant_id, u.state, u.detail)
         INSERT INTO message_state_changes (merchant_id, message_id, state, detail, at)
         SELECT merchant_id, id, state, detail, $7 FROM settled`,
        [
          settlements.map((s) => s.id),
          settlements.map((s) => s.attempts),
          settlements.map((s) => s.outcome.state),
          settlements.map((s) => (s.outcome.state === 'sent' ? s.outcome.subject : null)),
          settlements.map((s) => detail(s.outcome)),
          settlements.map((s) => ('retryAt' in s.outcome ? s.outcome.retryAt : null)),
          at,
        ],
      );
    });
  }

  /**
   * A sender that died while holding a message may or may not have handed it to the provider: it becomes
   * `uncertain` and is retried with the same Message-ID, so receivers can de-duplicate. One statement.
   */
  async markExpiredLeasesUncertain(now: Date): Promise<number> {
    const rows = await this.db.query(
      `WITH expired AS (
         UPDATE messages SET state = 'uncertain', lease_expires_at = NULL, available_at = $1, updated_at = $1
          WHERE state = 'sending' AND lease_expires_at < $1
         RETURNING id, merchant_id)
       INSERT INTO message_state_changes (merchant_id, message_id, state, detail, at)
       SELECT merchant_id, id, 'uncertain', 'sender lease expired', $1 FROM expired
       RETURNING message_id`,
      [now],
    );
    return rows.length;
  }

  /** Whether messages are due since before `dueBefore` and nobody took them (their wake-up was lost). */
  async anyDueBefore(dueBefore: Date): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM messages WHERE state IN ('queued', 'uncertain') AND available_at <= $1) AS due`,
      [dueBefore],
    );
    return rows[0].due;
  }

  async listForShipment(merchantId: string, shipmentId: string) {
    return this.db.query(
      `SELECT m.id, m.shipment_id AS "shipmentId", m.channel, m.recipient, m.subject, m.state,
              m.skip_reason AS "skipReason", m.last_error AS "lastError", m.message_id AS "messageId",
              m.attempts, m.sent_at AS "sentAt", m.created_at AS "createdAt",
              coalesce((SELECT json_agg(json_build_object('state', c.state, 'at', c.at, 'detail', c.detail) ORDER BY c.id)
                          FROM message_state_changes c WHERE c.message_id = m.id AND c.merchant_id = m.merchant_id), '[]') AS history
         FROM messages m
        WHERE m.merchant_id = $1 AND m.shipment_id = $2
        ORDER BY m.created_at DESC`,
      [merchantId, shipmentId],
    );
  }

  /** The newest messages sent (or meant) for a customer's shipments. */
  async listForCustomer(merchantId: string, customerId: string, limit: number, manager: EntityManager = this.db.manager) {
    const rows: {
      id: string;
      shipmentId: string;
      channel: string;
      recipient: string;
      subject: string | null;
      state: MessageState;
      skipReason: string | null;
      sentAt: Date | null;
      createdAt: Date;
    }[] = await manager.query(
      `SELECT m.id, m.shipment_id AS "shipmentId", m.channel, m.recipient, m.subject, m.state,
              m.skip_reason AS "skipReason", m.sent_at AS "sentAt", m.created_at AS "createdAt"
         FROM messages m JOIN shipments s ON s.merchant_id = m.merchant_id AND s.id = m.shipment_id
        WHERE m.merchant_id = $1 AND s.customer_id = $2
        ORDER BY m.created_at DESC LIMIT $3`,
      [merchantId, customerId, limit],
    );
    return rows;
  }
}
