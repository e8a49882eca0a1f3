/** What every captured message has, whatever channel it went out on. */
interface OutboxItemBase {
  id: string;
  receivedAt: string;
  from: string | null;
  to: string | null;
  messageId: string | null;
  shipmentId: string;
}

/** An email caught by the engine's capture SMTP server instead of being delivered. */
export interface OutboxEmailSummary extends OutboxItemBase {
  channel: 'email';
  subject: string | null;
}

export interface OutboxEmail extends OutboxEmailSummary {
  html: string | null;
  text: string | null;
}

/** An SMS caught by the local SMS capture instead of being delivered; it is short, so the list carries all of it. */
export interface OutboxSms extends OutboxItemBase {
  channel: 'sms';
  text: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
}

/** A webhook delivery caught by the local webhook capture; `messageId` is its delivery id. */
export interface OutboxWebhookSummary extends OutboxItemBase {
  channel: 'webhook';
  /** Whether its signature held; null when the capture had no secret to check it with. */
  signatureValid: boolean | null;
  /** The status the capture answered. */
  answered: number;
}

export interface OutboxWebhook extends OutboxWebhookSummary {
  signature: string | null;
  body: string;
}

export type OutboxItemSummary = OutboxEmailSummary | OutboxSms | OutboxWebhookSummary;
export type OutboxItem = OutboxEmail | OutboxSms | OutboxWebhook;
export type OutboxChannelName = OutboxItem['channel'];

export interface OutboxList {
  items: OutboxItemSummary[];
  nextCursor: string | null;
}
