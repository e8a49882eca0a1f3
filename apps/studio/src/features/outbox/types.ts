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

export type OutboxItemSummary = OutboxEmailSummary | OutboxSms;
export type OutboxItem = OutboxEmail | OutboxSms;
export type OutboxChannelName = OutboxItem['channel'];

export interface OutboxList {
  items: OutboxItemSummary[];
  nextCursor: string | null;
}
