import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxCursor } from './outbox-cursor';
import type { OutboxItem, OutboxSource } from './outbox-source';
import { findOwnedCapture, listOwnedCaptures, OwnedCaptures } from './owned-captures';

/** A list item says where it went, whether its signature held and what the capture answered; the body is the detail's. */
const COLUMNS = `c.id, 'webhook' AS channel, c.received_at AS "receivedAt", NULL AS "from", m.recipient AS "to",
  c.delivery_id AS "messageId", m.shipment_id AS "shipmentId", c.signature_valid AS "signatureValid", c.answered`;

/** captured_webhooks has no owner; a delivery is the merchant's when its delivery id (Postino-Delivery) is one of its messages. */
const OWNED_CAPTURES = `captured_webhooks c JOIN messages m ON m.message_id = c.delivery_id AND m.merchant_id = $1`;

const CAPTURES: OwnedCaptures = { columns: COLUMNS, from: OWNED_CAPTURES, detailColumns: 'c.signature, c.body' };

/** What the local webhook capture received, as far as it belongs to one merchant; retries are separate rows. */
@Injectable()
export class CapturedWebhookRepository implements OutboxSource {
  readonly channel = 'webhook';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listPage(merchantId: string, after: OutboxCursor | null, limit: number): Promise<(OutboxItem & { cursorAt: string })[]> {
    return listOwnedCaptures(this.db, CAPTURES, merchantId, after, limit);
  }

  find(merchantId: string, id: string): Promise<OutboxItem | null> {
    return findOwnedCapture(this.db, CAPTURES, merchantId, id);
  }
}
