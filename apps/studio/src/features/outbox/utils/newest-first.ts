import type { OutboxEmailSummary } from '../types';

/** Newest email on top, whatever order the server sent; ties keep their order. */
export function newestFirst(emails: readonly OutboxEmailSummary[]): OutboxEmailSummary[] {
  return [...emails].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}
