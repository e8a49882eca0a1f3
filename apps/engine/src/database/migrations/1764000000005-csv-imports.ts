import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports: one row per uploaded file with its progress, and the rows it refused.
 *
 * Progress columns are written with each applied batch (in the batch's transaction, so the counts are exactly
 * what was written) and bytes_read/heartbeat_at by a timer while the upload streams. A `running` import whose
 * heartbeat stopped belongs to an engine that died: it is marked failed when next read.
 */
export class CsvImports1764000000005 implements MigrationInterface {
  name = 'CsvImports1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        kind text NOT NULL,
        file_name text,
        state text NOT NULL CHECK (state IN ('running', 'done', 'failed')),
        bytes_total bigint,
        bytes_read bigint NOT NULL DEFAULT 0,
        rows_done integer NOT NULL DEFAULT 0,
        rows_failed integer NOT NULL DEFAULT 0,
        items_created integer NOT NULL DEFAULT 0,
        items_updated integer NOT NULL DEFAULT 0,
        items_unchanged integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        ignored_columns text[] NOT NULL DEFAULT '{}',
        error text,
        started_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX imports_list ON imports (merchant_id, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX imports_running ON imports (merchant_id, heartbeat_at) WHERE state = 'running'`);

    // The first MAX_KEPT_IMPORT_ERRORS errors of an import, in the order they were found; imports.error_count has them all.
    await q.query(`
      CREATE TABLE import_row_errors (
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        column_name text,
        reason text NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_row_errors`);
    await q.query(`DROP TABLE imports`);
  }
}
