import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type MessageState = 'queued' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'skipped';

export interface ClaimedMessage {
  id: string;
  merchantId: string;
  messageId: string;
  shipmentId: string;
  recipient: string;
  templateVersionId: string;
  triggerStatus: string;
  attempts: number;
}

export interface NewMessage {
  merchantId: string;
  idempotencyKey: string;
  messageId: string;
  runId: string;
  nodeId: string;
  shipmentId: string;
  recipient: string;
  templateVersionId: string;
  triggerStatus: string;
}

const CLAIMED_COLUMNS = `id, merchant_id AS "merchantId", message_id AS "messageId", shipment_id AS "shipmentId",
  recipient, template_version_id AS "templateVersionId", trigger_status AS "triggerStatus", attempts`;

@Injectable()
export class MessageRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One message per (run, node, recipient), by its unique idempotency key. Returns its id and attempt count. */
  async createOnce(input: NewMessage): Promise<{ id: string; attempts: number; created: boolean }> {
    return this.db.transaction(async (manager) => {
      const created = await this.insertOnce(manager, input, 'queued', null);
      if (created) return { ...created, created: true };
      const existing = await manager.query(
        `SELECT id, attempts FROM messages WHERE merchant_id = $1 AND idempotency_key = $2`,
        [input.merchantId, input.idempotencyKey],
      );
      return { ...existing[0], created: false };
    });
  }

  /** Records a message that could not be sent at all (e.g. no address), so the shop sees why nothing went out. */
  async createSkipped(input: NewMessage, reason: string): Promise<void> {
    await this.db.transaction((manager) => this.insertOnce(manager, input, 'skipped', reason));
  }

  /** Inserts the message and its first history entry, unless its idempotency key exists already. */
  private async insertOnce(
    manager: EntityManager,
    input: NewMessage,
    state: 'queued' | 'skipped',
    skipReason: string | null,
  ): Promise<{ id: string; attempts: number } | null> {
    const rows = await manager.query(
      `INSERT INTO messages (merchant_id, idempotency_key, message_id, run_id, node_id, shipment_id, recipient,
         template_version_id, trigger_status, state, skip_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, attempts`,
      [
        input.merchantId,
        input.idempotencyKey,
        input.messageId,
        input.runId,
        input.nodeId,
        input.shipmentId,
        input.recipient,
        input.templateVersionId,
        input.triggerStatus,
        state,
        skipReason,
      ],
    );
    if (!rows[0]) return null;
    await this.recordState(manager, input.merchantId, rows[0].id, state, skipReason);
    return rows[0];
  }

  /** Hands a due message to one sender with a lease; `uncertain` ones are retried with the same Message-ID. */
  async claim(merchantId: string, id: string, leaseSeconds: number): Promise<ClaimedMessage | null> {
    return this.db.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE messages SET state = 'sending', attempts = attempts + 1, updated_at = now(),
                lease_expires_at = now() + make_interval(secs => $3)
          WHERE merchant_id = $1 AND id = $2 AND state IN ('queued', 'uncertain') AND available_at <= now()
          RETURNING ${CLAIMED_COLUMNS}`,
        [merchantId, id, leaseSeconds],
      );
      if (!rows[0]) return null;
      await this.recordState(manager, merchantId, id, 'sending', `attempt ${rows[0].attempts}`);
      return rows[0];
    });
  }

  async templateVersion(merchantId: string, versionId: string): Promise<{ id: string; subject: string; html: string } | null> {
    const rows = await this.db.query(
      `SELECT id, subject, html FROM email_template_versions WHERE merchant_id = $1 AND id = $2`,
      [merchantId, versionId],
    );
    return rows[0] ?? null;
  }

  /** Moves a message the current sender holds to its next state, with the reason in the history. */
  async settle(
    merchantId: string,
    id: string,
    outcome:
      | { state: 'sent'; subject: string }
      | { state: 'skipped'; reason: string }
      | { state: 'failed'; error: string }
      | { state: 'queued' | 'uncertain'; error: string; retryInSeconds: number },
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      const detail = 'subject' in outcome ? null : 'reason' in outcome ? outcome.reason : outcome.error.slice(0, 2000);
      await manager.query(
        `UPDATE messages
            SET state = $3, lease_expires_at = NULL, updated_at = now(),
                subject = coalesce($4, subject),
                skip_reason = CASE WHEN $3 = 'skipped' THEN $5 ELSE skip_reason END,
                last_error = CASE WHEN $3 IN ('failed', 'queued', 'uncertain') THEN $5 ELSE last_error END,
                sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END,
                available_at = now() + make_interval(secs => $6)
          WHERE merchant_id = $1 AND id = $2 AND state = 'sending'`,
        [
          merchantId,
          id,
          outcome.state,
          outcome.state === 'sent' ? outcome.subject : null,
          detail,
          'retryInSeconds' in outcome ? outcome.retryInSeconds : 0,
        ],
      );
      await this.recordState(manager, merchantId, id, outcome.state, detail);
    });
  }

  /**
   * A sender that died while holding a message may or may not have handed it to the provider:
   * it becomes `uncertain` and is retried with the same Message-ID, so receivers can de-duplicate.
   */
  async markExpiredLeasesUncertain(): Promise<{ id: string; merchantId: string; attempts: number }[]> {
    return this.db.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE messages SET state = 'uncertain', lease_expires_at = NULL, available_at = now(), updated_at = now()
          WHERE state = 'sending' AND lease_expires_at < now()
          RETURNING id, merchant_id AS "merchantId", attempts`,
      );
      for (const row of rows) await this.recordState(manager, row.merchantId, row.id, 'uncertain', 'sender lease expired');
      return rows;
    });
  }

  async overdue(olderThanSeconds: number, limit: number): Promise<{ id: string; merchantId: string; attempts: number }[]> {
    return this.db.query(
      `SELECT id, merchant_id AS "merchantId", attempts FROM messages
        WHERE state IN ('queued', 'uncertain') AND available_at < now() - make_interval(secs => $1)
        ORDER BY available_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
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

  private async recordState(manager: EntityManager, merchantId: string, id: string, state: MessageState, detail: string | null) {
    await manager.query(
      `INSERT INTO message_state_changes (merchant_id, message_id, state, detail) VALUES ($1, $2, $3, $4)`,
      [merchantId, id, state, detail],
    );
  }
}
