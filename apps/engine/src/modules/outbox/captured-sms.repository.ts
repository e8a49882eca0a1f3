import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxCursor } from './outbox-cursor';
import { CURSOR_AT, keysetAfter, OutboxItem, OutboxSource } from './outbox-source';

/** An SMS is short: its list item carries all of it, the text and how it was sent. */
const COLUMNS = `c.id, 'sms' AS channel, c.received_at AS "receivedAt", c.sender AS "from", c.recipient AS "to", c.text,
  c.segments, c.encoding, c.message_id AS "messageId", m.shipment_id AS "shipmentId"`;

/** captured_sms has no owner either; the capture stored the idempotency key Postino sent, the message's Message-ID. */
const OWNED_CAPTURES = `captured_sms c JOIN messages m ON m.message_id = c.message_id AND m.merchant_id = $1`;

/** What the local SMS capture received, as far as it belongs to one merchant; resends are separate rows. */
@Injectable()
export class CapturedSmsRepository implements OutboxSource {
  readonly channel = 'sms';

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
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM ${OWNED_CAPTURES} WHERE c.id = $2`, [merchantId, id]);
    return rows[0] ?? null;
  }
}
