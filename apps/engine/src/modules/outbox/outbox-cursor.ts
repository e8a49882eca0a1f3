import { z } from 'zod';

/**
 * The position after the last item of a page, ordered by (received_at, id) descending. The time keeps
 * Postgres's microseconds: a millisecond JS Date would skip rows received within the same millisecond.
 */
export interface OutboxCursor {
  /** ISO 8601 in UTC with microseconds, e.g. `2025-11-25T10:00:00.123456Z`. */
  receivedAt: string;
  id: string;
}

const outboxCursorSchema = z.object({
  receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.uuid(),
});

/** Opaque to clients: they pass back what `nextCursor` gave them. */
export function encodeOutboxCursor(cursor: OutboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt, cursor.id])).toString('base64url');
}

/** Null for anything `encodeOutboxCursor` did not produce. */
export function decodeOutboxCursor(value: string): OutboxCursor | null {
  try {
    const [receivedAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const parsed = outboxCursorSchema.safeParse({ receivedAt, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
