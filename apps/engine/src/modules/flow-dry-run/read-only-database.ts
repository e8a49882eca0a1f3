import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { dataSourceOptions } from '../../database/data-source-options';

/** A few connections are plenty: a dry-run reads in batches, a fixed number of statements per chunk. */
const POOL_SIZE = 4;

/**
 * The dry-run's own connections, every transaction on them READ ONLY (`default_transaction_read_only`): the
 * executors and repositories of this module are given this data source instead of the engine's, so a node
 * type that one day writes in `prepare` fails here loudly instead of changing a row.
 */
export async function openReadOnlyDataSource(config: EngineConfig): Promise<DataSource> {
  const options = dataSourceOptions(config.DATABASE_URL, POOL_SIZE);
  const dataSource = new DataSource({
    ...options,
    migrations: [],
    extra: { ...options.extra, application_name: 'postino-dry-run', options: '-c default_transaction_read_only=on' },
  } as typeof options);
  return dataSource.initialize();
}

/** Closes the read-only connections with the engine. */
@Injectable()
export class ReadOnlyDataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly db: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}

export const READ_ONLY_DATA_SOURCE = {
  provide: DataSource,
  useFactory: openReadOnlyDataSource,
  inject: [ENGINE_CONFIG],
};
