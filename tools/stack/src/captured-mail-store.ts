import type { Pool } from 'pg';
import type { LogLine } from './log-lines';
import { createPgGroupInsert } from './pg-group-insert';
import type { CapturedMail, CapturedMailStore } from './smtp-capture';

export interface PgCapturedMailStoreOptions {
  log?: LogLine;
}

/**
 * Stores captured mail in the engine's `captured_emails` table (created by the engine's migrations), in
 * group commits; a mail the store cannot write is answered 451, so the sender retries it.
 */
export function createPgCapturedMailStore(pool: Pool, { log }: PgCapturedMailStoreOptions = {}): CapturedMailStore {
  return createPgGroupInsert(pool, insertMails, { what: 'mail', log });
}

async function insertMails(pool: Pool, mails: CapturedMail[]): Promise<void> {
  await pool.query(
    `INSERT INTO captured_emails
       (received_at, envelope_from, envelope_to, message_id, subject, from_address, to_address, html, text, raw)
     SELECT m.received_at, m.envelope_from, ARRAY(SELECT jsonb_array_elements_text(m.envelope_to)), m.message_id,
            m.subject, m.from_address, m.to_address, m.html, m.text, m.raw
       FROM jsonb_to_recordset($1::jsonb) AS m(
              received_at timestamptz, envelope_from text, envelope_to jsonb, message_id text, subject text,
              from_address text, to_address text, html text, text text, raw text)`,
    [
      JSON.stringify(
        mails.map((mail) => ({
          received_at: mail.receivedAt.toISOString(),
          envelope_from: mail.envelopeFrom,
          envelope_to: mail.envelopeTo,
          message_id: mail.messageId,
          subject: mail.subject,
          from_address: mail.from,
          to_address: mail.to,
          html: mail.html,
          text: mail.text,
          raw: mail.raw,
        })),
      ),
    ],
  );
}
