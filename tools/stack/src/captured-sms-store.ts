import type { Pool } from 'pg';
import type { LogLine } from './log-lines';
import { createPgGroupInsert } from './pg-group-insert';
import type { CapturedSms, CapturedSmsStore } from './sms-capture';

/**
 * Stores captured SMS in the engine's `captured_sms` table (created by the engine's migrations), in group
 * commits like the mail store; an SMS the store cannot write is answered 503, so the sender retries it.
 */
export function createPgCapturedSmsStore(pool: Pool, { log }: { log?: LogLine } = {}): CapturedSmsStore {
  return createPgGroupInsert(pool, insertSms, { what: 'SMS', log });
}

async function insertSms(pool: Pool, messages: CapturedSms[]): Promise<void> {
  await pool.query(
    `INSERT INTO captured_sms (id, received_at, sender, recipient, text, segments, encoding, message_id)
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])`,
    [
      messages.map((m) => m.id),
      messages.map((m) => m.receivedAt),
      messages.map((m) => m.from),
      messages.map((m) => m.to),
      messages.map((m) => m.text),
      messages.map((m) => m.segments),
      messages.map((m) => m.encoding),
      messages.map((m) => m.messageId),
    ],
  );
}
