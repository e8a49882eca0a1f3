export interface MessageStateChange {
  state: string;
  at: string;
  detail: string | null;
}

/** One email or SMS for one recipient, with how it got to its present state. */
export interface Message {
  id: string;
  shipmentId: string;
  channel: string;
  recipient: string;
  subject: string | null;
  state: string;
  skipReason: string | null;
  messageId: string | null;
  createdAt: string;
  history: MessageStateChange[];
}

export interface MessageList {
  items: Message[];
}
