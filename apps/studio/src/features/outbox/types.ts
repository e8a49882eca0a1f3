/** An email caught by the engine's capture SMTP server instead of being delivered. */
export interface OutboxEmailSummary {
  id: string;
  receivedAt: string;
  from: string;
  to: string | string[];
  subject: string;
  messageId: string | null;
}

export interface OutboxEmail extends OutboxEmailSummary {
  html: string | null;
  text: string | null;
}

export interface OutboxList {
  items: OutboxEmailSummary[];
}
