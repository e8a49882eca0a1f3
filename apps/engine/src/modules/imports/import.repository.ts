import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportKindName } from '@postino/api-contract';
import { DataSource, EntityManager } from 'typeorm';
import { cursorTimeSql, KeysetPosition } from '../../common/http/keyset-cursor';
import type { RowError } from './kinds/import-kind';
import { IMPORT_COLUMNS, ImportProgress, ImportRow } from './import';

const PROGRESS_SET = `bytes_read = GREATEST(bytes_read, $3), rows_done = $4, rows_failed = $5, items_created = $6, items_updated = $7,
  items_unchanged = $8, error_count = $9`;
const progressParams = (p: ImportProgress) => [
  p.bytesRead,
  p.rowsDone,
  p.rowsFailed,
  p.itemsCreated,
  p.itemsUpdated,
  p.itemsUnchanged,
  p.errorCount,
];

/** Imports and their kept row errors; every statement is scoped by merchant. */
@Injectable()
export class ImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(
    merchantId: string,
    i: { kind: ImportKindName; fileName: string | null; bytesTotal: number | null; ignoredColumns: string[]; now: Date },
  ): Promise<string> {
    const rows = await this.db.query(
      `INSERT INTO imports (merchant_id, kind, file_name, state, bytes_total, ignored_columns, started_at, heartbeat_at)
       VALUES ($1, $2, $3, 'running', $4, $5, $6, $6) RETURNING id`,
      [merchantId, i.kind, i.fileName, i.bytesTotal, i.ignoredColumns, i.now],
    );
    return rows[0].id;
  }

  /** With a batch, in its transaction: the counts then say exactly what was written. */
  async recordBatch(manager: EntityManager, merchantId: string, id: string, progress: ImportProgress, errors: { seq: number; error: RowError }[], now: Date) {
    if (errors.length > 0) {
      await manager.query(
        `INSERT INTO import_row_errors (import_id, seq, merchant_id, row_number, column_name, reason)
         SELECT $2, u.seq, $1, u.row_number, u.column_name, u.reason
           FROM unnest($3::int[], $4::int[], $5::text[], $6::text[]) AS u(seq, row_number, column_name, reason)`,
        [merchantId, id, errors.map((e) => e.seq), errors.map((e) => e.error.row), errors.map((e) => e.error.column), errors.map((e) => e.error.reason)],
      );
    }
    await manager.query(`UPDATE imports SET ${PROGRESS_SET}, heartbeat_at = $10 WHERE merchant_id = $1 AND id = $2`, [
      merchantId,
      id,
      ...progressParams(progress),
      now,
    ]);
  }

  /** Bytes read while the upload streams, and a sign of life for abandoned-import detection. */
  async heartbeat(merchantId: string, id: string, bytesRead: number, now: Date): Promise<void> {
    await this.db.query(`UPDATE imports SET bytes_read = GREATEST(bytes_read, $3), heartbeat_at = $4 WHERE merchant_id = $1 AND id = $2 AND state = 'running'`, [
      merchantId,
      id,
      bytesRead,
      now,
    ]);
  }

  async finish(merchantId: string, id: string, outcome: { state: 'done' | 'failed'; error: string | null; progress: ImportProgress; now: Date }) {
    await this.db.query(
      `UPDATE imports SET ${PROGRESS_SET}, state = $10, error = $11, finished_at = $12, heartbeat_at = $12
        WHERE merchant_id = $1 AND id = $2 AND state = 'running'`,
      [merchantId, id, ...progressParams(outcome.progress), outcome.state, outcome.error, outcome.now],
    );
  }

  /** Running imports whose engine stopped beating (it died mid-import) become failed; what they applied stays. */
  async failAbandoned(merchantId: string, silentSince: Date, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE imports SET state = 'failed', finished_at = $3,
              error = 'Interrupted: the engine handling the upload stopped. Rows counted as done are stored; importing the file again is safe'
        WHERE merchant_id = $1 AND state = 'running' AND heartbeat_at < $2`,
      [merchantId, silentSince, now],
    );
  }

  async findById(merchantId: string, id: string): Promise<ImportRow | null> {
    const rows = await this.db.query(`SELECT ${IMPORT_COLUMNS} FROM imports i WHERE i.merchant_id = $1 AND i.id = $2`, [merchantId, id]);
    return rows[0] ?? null;
  }

  /** Newest first, keyset on (started_at, id). */
  async list(merchantId: string, filter: { after?: KeysetPosition; limit: number }): Promise<(ImportRow & { cursorAt: string })[]> {
    const params: unknown[] = [merchantId, filter.limit];
    let after = '';
    if (filter.after) {
      params.push(filter.after.at, filter.after.id);
      after = `AND (i.started_at, i.id) < ($3::timestamptz, $4::uuid)`;
    }
    return this.db.query(
      `SELECT ${IMPORT_COLUMNS}, ${cursorTimeSql('i.started_at')} AS "cursorAt"
         FROM imports i WHERE i.merchant_id = $1 ${after}
        ORDER BY i.started_at DESC, i.id DESC LIMIT $2`,
      params,
    );
  }

  async errorsOf(merchantId: string, id: string): Promise<RowError[]> {
    return this.db.query(
      `SELECT row_number AS row, column_name AS column, reason FROM import_row_errors
        WHERE merchant_id = $1 AND import_id = $2 ORDER BY row_number, seq`,
      [merchantId, id],
    );
  }
}
