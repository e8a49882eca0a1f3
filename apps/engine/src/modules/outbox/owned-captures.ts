import type { DataSource } from 'typeorm';
import type { OutboxCursor } from './outbox-cursor';
import { CURSOR_AT, keysetAfter, OutboxItem } from './outbox-source';

/** How one capture's table is read for a merchant: its list columns, its owned rows (`$1` the merchant), its detail's extra columns. */
export interface OwnedCaptures {
  columns: string;
  /** The captures aliased `c`, joined to the merchant's messages (`$1`). */
  from: string;
  /** Columns only the detail shows (e.g. a body), or '' when the list item holds everything. */
  detailColumns: string;
}

/** A page of a merchant's captures, newest first, after `after`: the list query every capture table shares. */
export function listOwnedCaptures(
  db: DataSource,
  captures: OwnedCaptures,
  merchantId: string,
  after: OutboxCursor | null,
  limit: number,
): Promise<(OutboxItem & { cursorAt: string })[]> {
  const params: unknown[] = [merchantId, limit];
  const keyset = keysetAfter(after, params);
  return db.query(
    `SELECT ${captures.columns}, ${CURSOR_AT}
       FROM ${captures.from}
       ${keyset}
      ORDER BY c.received_at DESC, c.id DESC
      LIMIT $2`,
    params,
  );
}

/** One of a merchant's captures with its detail, or null when it is not theirs. */
export async function findOwnedCapture(db: DataSource, captures: OwnedCaptures, merchantId: string, id: string): Promise<OutboxItem | null> {
  const extra = captures.detailColumns ? `, ${captures.detailColumns}` : '';
  const rows = await db.query(`SELECT ${captures.columns}${extra} FROM ${captures.from} WHERE c.id = $2`, [merchantId, id]);
  return rows[0] ?? null;
}
