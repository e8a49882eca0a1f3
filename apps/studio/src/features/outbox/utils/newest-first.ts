import type { OutboxItemSummary } from '../types';

/** Newest capture on top, whatever order the server sent; ties keep their order. */
export function newestFirst(items: readonly OutboxItemSummary[]): OutboxItemSummary[] {
  return [...items].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}
