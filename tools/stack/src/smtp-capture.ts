import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { LogLine } from './log-lines';

/** One message as the capture server received it, parsed for display and assertions. */
export interface CapturedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  messageId: string | null;
  subject: string | null;
  /** The From header as text, e.g. `Shop <shop@example.com>`. */
  from: string | null;
  /** The To header as text. */
  to: string | null;
  html: string | null;
  text: string | null;
  raw: string;
  receivedAt: Date;
}

export type CapturedMailStore = (mail: CapturedMail) => Promise<void>;

export interface SmtpCaptureOptions {
  /** Defaults to a free port. */
  port?: number;
  /** Called once per received message; if it rejects, the sender gets a 451 reply. */
  store: CapturedMailStore;
  log?: LogLine;
}

export interface RunningSmtpCapture {
  /** `smtp://127.0.0.1:<port>` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

function addressText(header: AddressObject | AddressObject[] | undefined): string | null {
  if (!header) return null;
  return (Array.isArray(header) ? header : [header]).map((address) => address.text).join(', ');
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function captureMail(raw: Buffer, session: SMTPServerSession): Promise<CapturedMail> {
  const parsed = await simpleParser(raw);
  const { mailFrom, rcptTo } = session.envelope;
  return {
    envelopeFrom: mailFrom ? mailFrom.address : '',
    envelopeTo: rcptTo.map((recipient) => recipient.address),
    messageId: parsed.messageId ?? null,
    subject: parsed.subject ?? null,
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    html: parsed.html || null,
    text: parsed.text ?? null,
    raw: raw.toString('utf8'),
    receivedAt: new Date(),
  };
}

/**
 * A local SMTP server that accepts every message (no auth, no TLS, any sender or recipient) and hands each
 * one, parsed, to `store` — duplicates included, since seeing a message twice is exactly what tests look for.
 */
export async function startSmtpCapture({ port = 0, store, log = () => {} }: SmtpCaptureOptions): Promise<RunningSmtpCapture> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    logger: false,
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          // smtp-server itself answers 552 to oversized messages (rejectOversized); nothing to store then.
          if ((stream as Readable & { sizeExceeded?: boolean }).sizeExceeded) return;
          const mail = await captureMail(raw, session);
          await store(mail);
          log(`captured "${mail.subject ?? ''}" ${mail.envelopeFrom} → ${mail.envelopeTo.join(', ')}`);
        })
        .then(
          () => callback(),
          (error: Error) => {
            log(`could not store a message: ${error.message}`);
            callback(Object.assign(new Error(`Message not stored: ${error.message}`), { responseCode: 451 }));
          },
        );
    },
  });
  server.on('error', (error) => log(`smtp error: ${error.message}`));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const listeningPort = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${listeningPort}`,
    port: listeningPort,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
