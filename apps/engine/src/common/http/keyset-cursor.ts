import { uuidParamSchema } from '@postino/api-contract';
import { ApiError } from './api-error';

/**
 * The position after the last item of a page ordered by (time, id) descending. The time keeps Postgres's
 * microseconds (`to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`): a millisecond JS Date would skip rows.
 */
export interface KeysetPosition {
  at: string;
  id: string;
}

/** SQL that renders a timestamptz column as a cursor time. */
export const cursorTimeSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const CURSOR_TIME = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A real instant in the cursor's format: JS rolls 2026-02-30 over to March, Postgres refuses it (a 500). */
function isCursorTime(value: unknown): value is string {
  if (typeof value !== 'string' || !CURSOR_TIME.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Opaque to clients: they pass back what `nextCursor` gave them. */
export function encodeKeyset(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

/** Anything `encodeKeyset` did not produce is a 400 naming `cursor`. */
export function decodeKeyset(cursor: string): KeysetPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isCursorTime(at) && uuidParamSchema.safeParse(id).success) return { at, id };
  } catch {
    // fall through to the validation error
  }
  throw ApiError.validation([{ field: 'cursor', message: 'is not a cursor returned by this API' }]);
}

/** One row more than asked tells whether there is a next page without a count query. */
export function pageOf<R extends { id: string; cursorAt: string }, V>(rows: R[], limit: number, view: (row: R) => V) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    nextCursor: rows.length > limit && last ? encodeKeyset({ at: last.cursorAt, id: last.id }) : null,
  };
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
