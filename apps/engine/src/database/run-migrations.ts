import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// Any fixed 64-bit number works; every engine process uses the same one.
const MIGRATION_LOCK_ID = 7_461_002_001;

/**
 * Applies pending migrations. Engines starting together serialise on a Postgres advisory lock,
 * so exactly one of them migrates and the others find nothing left to do.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const lockClient = new Client({ connectionString: databaseUrl, application_name: 'postino-migrations-lock' });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const dataSource = new DataSource(dataSourceOptions(databaseUrl, 2));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lockClient.end();
  }
}
