import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxCursor } from './outbox-cursor';
import type { OutboxItem, OutboxSource } from './outbox-source';
import { findOwnedCapture, listOwnedCaptures, OwnedCaptures } from './owned-captures';

/** An SMS is short: its list item carries all of it, the text and how it was sent. */
const COLUMNS = `c.id, 'sms' AS channel, c.received_at AS "receivedAt", c.sender AS "from", c.recipient AS "to", c.text,
  c.segments, c.encoding, c.message_id AS "messageId", m.shipment_id AS "shipmentId"`;

/** captured_sms has no owner either; the capture stored the idempotency key Postino sent, the message's Message-ID. */
const OWNED_CAPTURES = `captured_sms c JOIN messages m ON m.message_id = c.message_id AND m.merchant_id = $1`;

const CAPTURES: OwnedCaptures = { columns: COLUMNS, from: OWNED_CAPTURES, detailColumns: '' };

/** What the local SMS capture received, as far as it belongs to one merchant; resends are separate rows. */
@Injectable()
export class CapturedSmsRepository implements OutboxSource {
  readonly channel = 'sms';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listPage(merchantId: string, after: OutboxCursor | null, limit: number): Promise<(OutboxItem & { cursorAt: string })[]> {
    return listOwnedCaptures(this.db, CAPTURES, merchantId, after, limit);
  }

  find(merchantId: string, id: string): Promise<OutboxItem | null> {
    return findOwnedCapture(this.db, CAPTURES, merchantId, id);
  }
}
