import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxCursor } from './outbox-cursor';

export interface CapturedEmailRow {
  id: string;
  receivedAt: Date;
  from: string | null;
  to: string | null;
  subject: string | null;
  /** As captured, angle brackets included. */
  messageId: string;
  shipmentId: string;
}

export interface CapturedEmailContentRow extends CapturedEmailRow {
  html: string | null;
  text: string | null;
}

const COLUMNS = `c.id, c.received_at AS "receivedAt", c.from_address AS "from", c.to_address AS "to", c.subject,
  c.message_id AS "messageId", m.shipment_id AS "shipmentId"`;

/**
 * captured_emails is written by the SMTP capture and has no owner; a merchant owns a copy when its Message-ID
 * is one of the merchant's messages. Header Message-IDs have angle brackets, ours are stored without.
 */
const OWNED_CAPTURES = `captured_emails c
  JOIN messages m ON m.message_id = btrim(c.message_id, E'<> \\t\\r\\n') AND m.merchant_id = $1`;

/** What the local SMTP capture received, as far as it belongs to one merchant; resends are separate rows. */
@Injectable()
export class CapturedEmailRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first; `cursorAt` is `receivedAt` with the microseconds a JS Date loses. */
  async listPage(
    merchantId: string,
    after: OutboxCursor | null,
    limit: number,
  ): Promise<(CapturedEmailRow & { cursorAt: string })[]> {
    const params: unknown[] = [merchantId, limit];
    let keyset = '';
    if (after) {
      params.push(after.receivedAt, after.id);
      keyset = `WHERE (c.received_at, c.id) < ($3::timestamptz, $4::uuid)`;
    }
    return this.db.query(
      `SELECT ${COLUMNS},
              to_char(c.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
         FROM ${OWNED_CAPTURES}
         ${keyset}
        ORDER BY c.received_at DESC, c.id DESC
        LIMIT $2`,
      params,
    );
  }

  async find(merchantId: string, id: string): Promise<CapturedEmailContentRow | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS}, c.html, c.text FROM ${OWNED_CAPTURES} WHERE c.id = $2`, [
      merchantId,
      id,
    ]);
    return rows[0] ?? null;
  }
}
