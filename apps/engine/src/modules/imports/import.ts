import type { ImportKindName, ImportState } from '@postino/api-contract';

/** How far an import got; the service keeps running totals and writes them whole. */
export interface ImportProgress {
  bytesRead: number;
  rowsDone: number;
  rowsFailed: number;
  itemsCreated: number;
  itemsUpdated: number;
  itemsUnchanged: number;
  errorCount: number;
}

export interface ImportRow extends ImportProgress {
  id: string;
  merchantId: string;
  kind: ImportKindName;
  fileName: string | null;
  state: ImportState;
  bytesTotal: number | null;
  ignoredColumns: string[];
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export const IMPORT_COLUMNS = `
  i.id, i.merchant_id AS "merchantId", i.kind, i.file_name AS "fileName", i.state, i.bytes_total::float8 AS "bytesTotal",
  i.bytes_read::float8 AS "bytesRead", i.rows_done AS "rowsDone", i.rows_failed AS "rowsFailed",
  i.items_created AS "itemsCreated", i.items_updated AS "itemsUpdated", i.items_unchanged AS "itemsUnchanged",
  i.error_count AS "errorCount", i.ignored_columns AS "ignoredColumns", i.error, i.started_at AS "startedAt",
  i.finished_at AS "finishedAt"`;
