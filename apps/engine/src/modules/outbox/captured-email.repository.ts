import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalizeMessageId } from './message-id';
import type { OutboxCursor } from './outbox-cursor';
import { CURSOR_AT, keysetAfter, OutboxItem, OutboxSource } from './outbox-source';

interface CapturedEmailRow {
  id: string;
  receivedAt: Date;
  from: string | null;
  to: string | null;
  subject: string | null;
  /** As captured, angle brackets included. */
  messageId: string;
  shipmentId: string;
}

const COLUMNS = `c.id, c.received_at AS "receivedAt", c.from_address AS "from", c.to_address AS "to", c.subject,
  c.message_id AS "messageId", m.shipment_id AS "shipmentId"`;

/**
 * captured_emails is written by the SMTP capture and has no owner; a merchant owns a copy when its Message-ID
 * is one of the merchant's messages. Header Message-IDs have angle brackets, ours are stored without.
 */
const OWNED_CAPTURES = `captured_emails c
  JOIN messages m ON m.message_id = btrim(c.message_id, E'<> \\t\\r\\n') AND m.merchant_id = $1`;

function toItem({ messageId, ...row }: CapturedEmailRow): OutboxItem {
  return { ...row, channel: 'email', messageId: normalizeMessageId(messageId) };
}

/** What the local SMTP capture received, as far as it belongs to one merchant; resends are separate rows. */
@Injectable()
export class CapturedEmailRepository implements OutboxSource {
  readonly channel = 'email';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listPage(merchantId: string, after: OutboxCursor | null, limit: number): Promise<(OutboxItem & { cursorAt: string })[]> {
    const params: unknown[] = [merchantId, limit];
    const keyset = keysetAfter(after, params);
    const rows: (CapturedEmailRow & { cursorAt: string })[] = await this.db.query(
      `SELECT ${COLUMNS}, ${CURSOR_AT}
         FROM ${OWNED_CAPTURES}
         ${keyset}
        ORDER BY c.received_at DESC, c.id DESC
        LIMIT $2`,
      params,
    );
    return rows.map(({ cursorAt, ...row }) => ({ ...toItem(row), cursorAt }));
  }

  async find(merchantId: string, id: string): Promise<OutboxItem | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS}, c.html, c.text FROM ${OWNED_CAPTURES} WHERE c.id = $2`, [merchantId, id]);
    if (!rows[0]) return null;
    const { html, text, ...row } = rows[0];
    return { ...toItem(row), html, text };
  }
}
