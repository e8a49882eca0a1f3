import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxCursor } from './outbox-cursor';
import { CURSOR_AT, keysetAfter, OutboxItem, OutboxSource } from './outbox-source';

/** A list item says where it went, whether its signature held and what the capture answered; the body is the detail's. */
const COLUMNS = `c.id, 'webhook' AS channel, c.received_at AS "receivedAt", NULL AS "from", m.recipient AS "to",
  c.delivery_id AS "messageId", m.shipment_id AS "shipmentId", c.signature_valid AS "signatureValid", c.answered`;

/** captured_webhooks has no owner; a delivery is the merchant's when its delivery id (Postino-Delivery) is one of its messages. */
const OWNED_CAPTURES = `captured_webhooks c JOIN messages m ON m.message_id = c.delivery_id AND m.merchant_id = $1`;

/** What the local webhook capture received, as far as it belongs to one merchant; retries are separate rows. */
@Injectable()
export class CapturedWebhookRepository implements OutboxSource {
  readonly channel = 'webhook';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listPage(merchantId: string, after: OutboxCursor | null, limit: number): Promise<(OutboxItem & { cursorAt: string })[]> {
    const params: unknown[] = [merchantId, limit];
    const keyset = keysetAfter(after, params);
    return this.db.query(
      `SELECT ${COLUMNS}, ${CURSOR_AT}
         FROM ${OWNED_CAPTURES}
         ${keyset}
        ORDER BY c.received_at DESC, c.id DESC
        LIMIT $2`,
      params,
    );
  }

  async find(merchantId: string, id: string): Promise<OutboxItem | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS}, c.signature, c.body FROM ${OWNED_CAPTURES} WHERE c.id = $2`, [merchantId, id]);
    return rows[0] ?? null;
  }
}
