import type { OutboxCursor } from './outbox-cursor';

/** What every captured message shows in the Outbox, whatever its channel. */
export interface OutboxItemBase {
  id: string;
  /** The channel it went out on: the Outbox's filter, and how the studio draws it. */
  channel: string;
  receivedAt: Date;
  from: string | null;
  to: string | null;
  /** As in the message it was sent for (without angle brackets). */
  messageId: string | null;
  shipmentId: string;
}

/** A list item: the base and what its channel shows in a list (an e-mail's subject, an SMS's text). */
export type OutboxItem = OutboxItemBase & Record<string, unknown>;

/**
 * One capture server's store, as far as it belongs to one merchant (the captures have no owner: a merchant owns
 * a copy when its message id is one of the merchant's messages). One class per channel, listed in
 * outbox.module.ts; the Outbox merges them newest first without knowing any channel.
 */
export interface OutboxSource {
  readonly channel: string;
  /** Newest first, after `after`; `cursorAt` is `receivedAt` with the microseconds a JS Date loses. */
  listPage(merchantId: string, after: OutboxCursor | null, limit: number): Promise<(OutboxItem & { cursorAt: string })[]>;
  /** One capture with all of its content, or null when it is not this merchant's. */
  find(merchantId: string, id: string): Promise<OutboxItem | null>;
}

export const OUTBOX_SOURCES = Symbol('OUTBOX_SOURCES');

/** The keyset condition and parameters of a page after `after`, on a query whose captures are aliased `c`. */
export function keysetAfter(after: OutboxCursor | null, params: unknown[]): string {
  if (!after) return '';
  params.push(after.receivedAt, after.id);
  return `WHERE (c.received_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
}

/** `received_at` as the cursor keeps it: ISO 8601 in UTC with microseconds. */
export const CURSOR_AT = `to_char(c.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"`;
