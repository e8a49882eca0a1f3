import type { Pool } from 'pg';
import type { LogLine } from './log-lines';
import { createPgGroupInsert } from './pg-group-insert';
import type { CapturedWebhook, CapturedWebhookStore } from './webhook-capture';

/** Stores captured webhooks in the engine's `captured_webhooks` table, in group commits like the other captures. */
export function createPgCapturedWebhookStore(pool: Pool, { log }: { log?: LogLine } = {}): CapturedWebhookStore {
  return createPgGroupInsert(pool, insertWebhooks, { what: 'webhook', log });
}

async function insertWebhooks(pool: Pool, webhooks: CapturedWebhook[]): Promise<void> {
  await pool.query(
    `INSERT INTO captured_webhooks (id, received_at, url, delivery_id, signature, signature_valid, body, answered)
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::int[])`,
    [
      webhooks.map((w) => w.id),
      webhooks.map((w) => w.receivedAt),
      webhooks.map((w) => w.url),
      webhooks.map((w) => w.deliveryId),
      webhooks.map((w) => w.signature),
      webhooks.map((w) => w.signatureValid),
      webhooks.map((w) => w.body),
      webhooks.map((w) => w.answered),
    ],
  );
}
