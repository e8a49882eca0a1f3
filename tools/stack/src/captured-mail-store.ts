import type { Pool } from 'pg';
import type { CapturedMail, CapturedMailStore } from './smtp-capture';

/** Stores captured mail in the engine's `captured_emails` table (created by the engine's migrations). */
export function createPgCapturedMailStore(pool: Pool): CapturedMailStore {
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
  };
}
