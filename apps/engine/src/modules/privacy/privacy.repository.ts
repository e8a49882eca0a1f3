import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageSummary } from '@postino/api-contract';
import type { Principal } from '../../common/auth/principal';
import { ORDER_COLUMNS, OrderRow } from '../orders/order';
import { SHIPMENT_COLUMNS, ShipmentRow } from '../tracking/shipment';

/** The customer's shipments: linked to it, or carrying its address without a link ($2 customer id, $3 e-mail). */
const OWN_SHIPMENTS = `s.merchant_id = $1 AND (s.customer_id = $2 OR ($3::text IS NOT NULL AND lower(s.customer_email) = lower($3::text)))`;

/** The merchant's captures of these messages (captured_emails has no owner; see CapturedEmailRepository). */
const CAPTURES_OF_MESSAGES = `captured_emails c
  JOIN messages m ON m.message_id = btrim(c.message_id, E'<> \\t\\r\\n') AND m.merchant_id = $1`;

/** The same for the SMS capture, which stored the Message-ID as it was sent (see CapturedSmsRepository). */
const SMS_CAPTURES_OF_MESSAGES = `captured_sms c JOIN messages m ON m.message_id = c.message_id AND m.merchant_id = $1`;

/**
 * Everything about one customer, across modules, for export and erasure. Every statement is scoped by
 * merchant; erasure keeps rows (anonymized) so counts and aggregates hold.
 */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every order, shipment (with its carrier events), message (with its history), captured e-mail and SMS. */
  async everythingAbout(merchantId: string, customerId: string, email: string | null) {
    const [orders, shipments, events, messages, captures, smsCaptures, audit] = await Promise.all([
      this.db.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.merchant_id = $1 AND o.customer_id = $2 ORDER BY o.created_at`, [
        merchantId,
        customerId,
      ]) as Promise<OrderRow[]>,
      this.db.query(`SELECT ${SHIPMENT_COLUMNS} FROM shipments s WHERE ${OWN_SHIPMENTS} ORDER BY s.created_at`, [
        merchantId,
        customerId,
        email,
      ]) as Promise<ShipmentRow[]>,
      this.db.query(
        `SELECT e.shipment_id AS "shipmentId", e.code, e.description, e.location, e.occurred_at AS "occurredAt", e.status
           FROM tracking_events e JOIN shipments s ON s.merchant_id = e.merchant_id AND s.id = e.shipment_id
          WHERE e.merchant_id = $1 AND ${OWN_SHIPMENTS} ORDER BY e.occurred_at`,
        [merchantId, customerId, email],
      ) as Promise<{ shipmentId: string; code: string; description: string | null; location: string | null; occurredAt: Date; status: string | null }[]>,
      this.db.query(
        `SELECT m.id, m.shipment_id AS "shipmentId", m.channel, m.recipient, m.subject, m.state, m.sent_at AS "sentAt",
                m.created_at AS "createdAt",
                coalesce((SELECT json_agg(json_build_object('state', h.state, 'detail', h.detail, 'at', h.at) ORDER BY h.id)
                            FROM message_state_changes h WHERE h.message_id = m.id AND h.merchant_id = m.merchant_id), '[]') AS history
           FROM messages m WHERE m.merchant_id = $1 AND m.shipment_id IN (SELECT s.id FROM shipments s WHERE ${OWN_SHIPMENTS})
          ORDER BY m.created_at`,
        [merchantId, customerId, email],
      ) as Promise<
        (Omit<MessageSummary, 'skipReason' | 'sentAt' | 'createdAt'> & {
          sentAt: Date | null;
          createdAt: Date;
          history: { state: string; detail: string | null; at: string }[];
        })[]
      >,
      this.db.query(
        `SELECT c.received_at AS "receivedAt", c.to_address AS "to", c.subject, c.message_id AS "messageId"
           FROM ${CAPTURES_OF_MESSAGES}
          WHERE m.shipment_id IN (SELECT s.id FROM shipments s WHERE ${OWN_SHIPMENTS}) ORDER BY c.received_at`,
        [merchantId, customerId, email],
      ) as Promise<{ receivedAt: Date; to: string | null; subject: string | null; messageId: string | null }[]>,
      this.db.query(
        `SELECT c.received_at AS "receivedAt", c.recipient AS "to", c.text, c.message_id AS "messageId"
           FROM ${SMS_CAPTURES_OF_MESSAGES}
          WHERE m.shipment_id IN (SELECT s.id FROM shipments s WHERE ${OWN_SHIPMENTS}) ORDER BY c.received_at`,
        [merchantId, customerId, email],
      ) as Promise<{ receivedAt: Date; to: string; text: string; messageId: string | null }[]>,
      this.db.query(
        `SELECT action, actor_kind AS "actorKind", actor_id AS "actorId", details, at FROM privacy_audit
          WHERE merchant_id = $1 AND customer_id = $2 ORDER BY at`,
        [merchantId, customerId],
      ) as Promise<{ action: 'export' | 'erase'; actorKind: 'user' | 'api_key'; actorId: string; details: Record<string, unknown>; at: Date }[]>,
    ]);
    return { orders, shipments, events, messages, captures, smsCaptures, audit };
  }

  /**
   * Removes the customer's personal data from everything that holds it, in the caller's transaction (the
   * customer row locked): the customer becomes an anonymized tombstone that withdraws every consent; orders
   * lose their shipping address; shipments their contact and address; messages their recipient and subject
   * (queued ones are skipped); captured e-mails and SMS their content; stored API answers that quote the
   * address are dropped. Returns how many of each were touched.
   */
  async erase(manager: EntityManager, merchantId: string, customerId: string, email: string | null, now: Date) {
    await manager.query(
      `UPDATE customers SET email = NULL, external_id = NULL, phone = NULL, phone_raw = NULL, name = NULL,
              first_name = NULL, timezone = NULL, tags = '{}',
              transactional_consent = 'denied', transactional_consent_source = 'erasure', transactional_consent_at = $3,
              marketing_consent = 'denied', marketing_consent_source = 'erasure', marketing_consent_at = $3,
              erased_at = $3, updated_at = $3
        WHERE merchant_id = $1 AND id = $2`,
      [merchantId, customerId, now],
    );
    const [, orders] = await manager.query(
      `UPDATE orders SET shipping_address = NULL, updated_at = $3
        WHERE merchant_id = $1 AND customer_id = $2 AND shipping_address IS NOT NULL`,
      [merchantId, customerId, now],
    );
    // Rows in id order first, as tracking ingest locks them, so an erasure and a scan cannot deadlock.
    await manager.query(`SELECT s.id FROM shipments s WHERE ${OWN_SHIPMENTS} ORDER BY s.id FOR UPDATE`, [merchantId, customerId, email]);
    const [shipments] = await manager.query(
      `UPDATE shipments s SET customer_id = $2, customer_email = NULL, customer_phone = NULL, customer_name = NULL,
              destination_postal_code = NULL, destination_city = NULL, updated_at = $4
        WHERE ${OWN_SHIPMENTS} RETURNING s.id`,
      [merchantId, customerId, email, now],
    );
    const shipmentIds: string[] = shipments.map((s: { id: string }) => s.id);
    // Before the messages: captures are found through their messages' Message-IDs, which stay.
    const [, capturedEmails] = await manager.query(
      `UPDATE captured_emails c SET envelope_to = '{}', to_address = NULL, subject = NULL, html = NULL, text = NULL, raw = ''
         FROM messages m
        WHERE m.message_id = btrim(c.message_id, E'<> \\t\\r\\n') AND m.merchant_id = $1 AND m.shipment_id = ANY($2::uuid[])`,
      [merchantId, shipmentIds],
    );
    const [, capturedSms] = await manager.query(
      `UPDATE captured_sms c SET recipient = '', text = ''
         FROM messages m
        WHERE m.message_id = c.message_id AND m.merchant_id = $1 AND m.shipment_id = ANY($2::uuid[])`,
      [merchantId, shipmentIds],
    );
    // The idempotency key held the address (run:node:recipient); a unique placeholder keeps it unique.
    const [messages] = await manager.query(
      `UPDATE messages SET recipient = '', subject = NULL, last_error = NULL, idempotency_key = 'erased:' || id,
              state = CASE WHEN state IN ('queued', 'uncertain') THEN 'skipped' ELSE state END,
              skip_reason = CASE WHEN state IN ('queued', 'uncertain') THEN 'the customer''s data was erased' ELSE skip_reason END,
              updated_at = $3
        WHERE merchant_id = $1 AND shipment_id = ANY($2::uuid[]) RETURNING id`,
      [merchantId, shipmentIds, now],
    );
    const messageIds: string[] = messages.map((m: { id: string }) => m.id);
    // Provider answers recorded in the history may quote the address.
    await manager.query(`UPDATE message_state_changes SET detail = NULL WHERE merchant_id = $1 AND message_id = ANY($2::uuid[])`, [
      merchantId,
      messageIds,
    ]);
    if (email) {
      await manager.query(
        `DELETE FROM idempotency_keys WHERE merchant_id = $1 AND strpos(lower(response_body::text), lower($2)) > 0`,
        [merchantId, email],
      );
    }
    return {
      orders: orders as number,
      shipments: shipmentIds.length,
      messages: messageIds.length,
      capturedEmails: capturedEmails as number,
      capturedSms: capturedSms as number,
    };
  }

  async audit(
    manager: EntityManager,
    merchantId: string,
    customerId: string,
    action: 'export' | 'erase',
    principal: Principal,
    details: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    const actorId = principal.kind === 'user' ? principal.userId : principal.apiKeyId;
    await manager.query(
      `INSERT INTO privacy_audit (merchant_id, customer_id, action, actor_kind, actor_id, details, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [merchantId, customerId, action, principal.kind, actorId, JSON.stringify(details), at],
    );
  }
}
