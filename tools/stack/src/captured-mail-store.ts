import type { Pool } from 'pg';
import type { LogLine } from './log-lines';
import type { CapturedMail, CapturedMailStore } from './smtp-capture';

export interface PgCapturedMailStoreOptions {
  log?: LogLine;
}

/**
 * Stores captured mail in the engine's `captured_emails` table (created by the engine's migrations).
 * A PostgreSQL restart kills the pool's idle connections, and an `error` event without a listener would
 * take the whole process down: it is logged once per outage instead, and the pool connects afresh on the
 * next mail. Meanwhile stores fail, which the capture answers with a 451 so the sender retries.
 */
export function createPgCapturedMailStore(pool: Pool, { log = () => {} }: PgCapturedMailStoreOptions = {}): CapturedMailStore {
  let connectionLost = false;
  pool.on('error', (error) => {
    if (connectionLost) return;
    connectionLost = true;
    log(`the mail store lost its connection to PostgreSQL (${error.message}); it reconnects on the next mail`);
  });
  return async (mail: CapturedMail) => {
    await pool.query(
      `INSERT INTO captured_emails
         (received_at, envelope_from, envelope_to, message_id, subject, from_address, to_address, html, text, raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        mail.receivedAt,
        mail.envelopeFrom,
        mail.envelopeTo,
        mail.messageId,
        mail.subject,
        mail.from,
        mail.to,
        mail.html,
        mail.text,
        mail.raw,
      ],
    );
    connectionLost = false;
  };
}
