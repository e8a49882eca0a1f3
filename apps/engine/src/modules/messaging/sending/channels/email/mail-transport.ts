import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Socket } from 'node:net';
import nodemailer, { Transporter } from 'nodemailer';
import { ENGINE_CONFIG, EngineConfig } from '../../../../../config/engine-config';
import type { SendFailure } from '../channel-sender';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}


const NOT_CONNECTED_CODES = new Set(['ECONNECTION', 'ECONNREFUSED', 'EDNS', 'ESOCKET', 'ETLS', 'EAUTH']);

export function classifySendError(error: unknown): SendFailure {
  const e = error as { code?: string; responseCode?: number; command?: string };
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return 'permanent';
    return 'retry';
  }
  if (e.code && NOT_CONNECTED_CODES.has(e.code) && e.command !== 'DATA') return 'retry';
  return 'uncertain';
}

/** SMTP connections kept open and used side by side: each carries one message at a time. */
export const SMTP_CONNECTIONS = 8;

/**
 * Hands e-mails over: SMTP through nodemailer's pool (connections reused, several messages in flight), or,
 * with MAIL_TRANSPORT=discard, nodemailer's JSON transport, which takes each message and throws it away
 * (benchmarks measure the engine without the mail server's cost, and without building MIME for it).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  /** How many sends are worth having in flight at once. */
  readonly parallelism: number;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    if (config.MAIL_TRANSPORT === 'discard') {
      this.transporter = nodemailer.createTransport({ jsonTransport: true });
      this.parallelism = 32;
    } else {
      const implicitTls = new URL(config.SMTP_URL).protocol === 'smtps:';
      this.transporter = nodemailer.createTransport({
        url: config.SMTP_URL,
        pool: true,
        // SMTP is a dialogue of small writes: with Nagle's algorithm each command can wait for the server's
        // delayed ACK (~40 ms), which held a connection to ~15 mails/s. nodemailer has no option for it, so
        // plain connections get a socket of ours with Nagle off (STARTTLS upgrades it in place), and implicit
        // TLS passes the same flag to tls.connect.
        getSocket: (_options: unknown, callback: (error: Error | null, socketOptions: { socket: Socket } | false) => void) =>
          callback(null, implicitTls ? false : { socket: new Socket().setNoDelay(true) }),
        tls: implicitTls ? { noDelay: true } : undefined,
        maxConnections: SMTP_CONNECTIONS,
        maxMessages: Infinity,
        // Well within the message lease (30 s): a stuck server fails the hand-over before the lease expires.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 15_000,
      } as Parameters<typeof nodemailer.createTransport>[0]);
      this.parallelism = SMTP_CONNECTIONS;
    }
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail({
      from: email.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: `<${email.messageId}>`,
      headers: email.headers,
    });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
