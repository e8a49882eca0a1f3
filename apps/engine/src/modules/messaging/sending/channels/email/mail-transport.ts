import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

/** Whether a failed send may have reached the provider, and whether trying again can help. */
export type SendFailure = 'retry' | 'uncertain' | 'permanent';

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

/** SMTP through nodemailer (pooled connections), configured by SMTP_URL. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    const url = new URL(config.SMTP_URL);
    url.searchParams.set('pool', 'true');
    this.transporter = nodemailer.createTransport(url.toString());
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
