import type { Pool } from 'pg';
import type { LogLine } from './log-lines';
import type { CapturedMail, CapturedMailStore } from './smtp-capture';

export interface PgCapturedMailStoreOptions {
  log?: LogLine;
}

/** Mails written by one INSERT at most; more wait for the next one. */
const GROUP_LIMIT = 200;

interface PendingMail {
  mail: CapturedMail;
  stored: () => void;
  failed: (error: Error) => void;
}

/**
 * Stores captured mail in the engine's `captured_emails` table (created by the engine's migrations).
 * Mails arriving while an INSERT is in flight are written together by the next one (group commit): one
 * durable commit per mail would cap the capture at what the disk flushes, a few hundred mails per second,
 * and make it the slowest part of a benchmark or crash test. Each mail is acknowledged only once committed.
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

  const pending: PendingMail[] = [];
  let writing = false;
  const writeGroups = async () => {
    writing = true;
    while (pending.length > 0) {
      const group = pending.splice(0, GROUP_LIMIT);
      try {
        await insertMails(pool, group.map((p) => p.mail));
        connectionLost = false;
        for (const p of group) p.stored();
      } catch (error) {
        for (const p of group) p.failed(error as Error);
      }
    }
    writing = false;
  };

  return (mail: CapturedMail) =>
    new Promise<void>((stored, failed) => {
      pending.push({ mail, stored, failed });
      if (!writing) void writeGroups();
    });
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
