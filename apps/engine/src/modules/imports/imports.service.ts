import { BeforeApplicationShutdown, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateImportQuery, ImportKindName, ImportView, ListImportsQuery } from '@postino/api-contract';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ApiError } from '../../common/http/api-error';
import { decodeKeyset, pageOf } from '../../common/http/keyset-cursor';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { Clock, plusSeconds } from '../clock/clock';
import { ShopDataService } from '../shop-data/shop-data.service';
import { csvRecords } from './csv/csv-records';
import { csvLine, defusedCsvLine } from './csv/csv-writing';
import { ImportFileError } from './csv/import-file-error';
import { utf8Text } from './csv/utf8-text';
import { readHeader } from './csv-rows';
import { importView } from './import-view';
import { ImportRepository } from './import.repository';
import { ImportRun } from './import-run';
import { IMPORT_KIND_REGISTRY } from './kinds';

const STOPPED_BY_SHUTDOWN = 'Interrupted: the engine stopped during the import. Rows counted as done are stored; importing the file again is safe';

// A running import's engine writes its heartbeat at least every 5 s; one silent for this long has died.
const ABANDONED_AFTER_SECONDS = 30;

// What a browser or curl may call a CSV file. Multipart form data and JSON are refused with a 415 that says how to send it.
const CSV_MEDIA_TYPES = new Set(['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream']);

export interface Upload {
  body: Readable;
  contentType: string | undefined;
  contentLength: string | undefined;
}

/**
 * CSV imports: the upload is parsed while it streams and applied in batches through ShopDataService, so a file
 * of any size takes a bounded amount of memory and the request ends when the file has been read and applied.
 */
@Injectable()
export class ImportsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Imports');
  /** Imports being processed by this engine, with the upload each reads. */
  private readonly running = new Map<Readable, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly imports: ImportRepository,
    private readonly shopData: ShopDataService,
    private readonly clock: Clock,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async importFile(merchantId: string, query: CreateImportQuery, upload: Upload): Promise<ImportView> {
    const bytesTotal = this.checkUpload(upload);
    const kind = IMPORT_KIND_REGISTRY[query.kind];
    let bytesRead = 0;
    const records = csvRecords(utf8Text(upload.body, { maxBytes: this.config.IMPORT_LIMIT, onBytes: (n) => (bytesRead += n) }));
    let header;
    try {
      const first = await records.next();
      if (first.done) throw ImportFileError.invalid('empty_file', 'The file is empty: it needs a header row and data rows');
      header = readHeader(kind, first.value.cells);
    } catch (error) {
      throw toApiError(error, null);
    }

    const id = await this.imports.create(merchantId, {
      kind: query.kind,
      fileName: query.fileName || null,
      bytesTotal,
      ignoredColumns: header.ignored,
      now: this.clock.now(),
    });
    const run = new ImportRun({ merchantId, id, kind, db: this.db, imports: this.imports, shopData: this.shopData, clock: this.clock, bytesRead: () => bytesRead });
    let settled!: () => void;
    this.running.set(upload.body, new Promise<void>((resolve) => (settled = resolve)));
    try {
      await run.process(header, records);
      await run.finish({ state: 'done', error: null });
    } catch (error) {
      const failure = failureOf(error, upload.body, bytesRead);
      await run.finish({ state: 'failed', error: failure.message }).catch((e) => this.logger.error(e));
      throw toApiError(failure.answer, id);
    } finally {
      this.running.delete(upload.body);
      settled();
    }
    return this.get(merchantId, id);
  }

  async get(merchantId: string, id: string): Promise<ImportView> {
    await this.failAbandoned(merchantId);
    const found = await this.imports.findById(merchantId, id);
    if (!found) throw ApiError.notFound('Import');
    return importView(found);
  }

  async list(merchantId: string, query: ListImportsQuery) {
    await this.failAbandoned(merchantId);
    const rows = await this.imports.list(merchantId, { after: query.cursor ? decodeKeyset(query.cursor) : undefined, limit: query.limit + 1 });
    return pageOf(rows, query.limit, importView);
  }

  /** The kept row errors as CSV: row, column, reason; cells that would run as spreadsheet formulas defused. */
  async errorsCsv(merchantId: string, id: string): Promise<string> {
    if (!(await this.imports.findById(merchantId, id))) throw ApiError.notFound('Import');
    const errors = await this.imports.errorsOf(merchantId, id);
    // The byte-order mark makes spreadsheets read the file as UTF-8.
    return `\ufeff${csvLine(['row', 'column', 'reason'])}${errors.map((e) => defusedCsvLine([e.row, e.column, e.reason])).join('')}`;
  }

  /** The example file of a kind: its columns as the header and a few realistic rows. */
  template(kind: ImportKindName): string {
    const { columns, example } = IMPORT_KIND_REGISTRY[kind];
    const names = columns.map((c) => c.name);
    return [csvLine(names), ...example.map((row) => csvLine(names.map((name) => row[name] ?? '')))].join('');
  }

  /** A stopping engine ends its imports as failed (rows applied stay) instead of leaving them to look running. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const body of this.running.keys()) body.destroy(new Error(STOPPED_BY_SHUTDOWN));
    await Promise.all(this.running.values());
  }

  private async failAbandoned(merchantId: string): Promise<void> {
    const now = this.clock.now();
    await this.imports.failAbandoned(merchantId, plusSeconds(now, -ABANDONED_AFTER_SECONDS), now);
  }

  /** Refuses what cannot be a CSV upload before reading it; answers the declared size. */
  private checkUpload({ contentType, contentLength }: Upload): number | null {
    const [mediaType, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
    if (mediaType && !CSV_MEDIA_TYPES.has(mediaType)) {
      throw new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_media_type',
        'Send the CSV file itself as the request body with Content-Type: text/csv (not as a form upload)',
        [{ field: 'Content-Type', message: 'must be text/csv' }],
      );
    }
    const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw ApiError.validation([{ field: 'Content-Type', message: `the file must be UTF-8, not ${charset}` }]);
    }
    const bytesTotal = contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : null;
    if (bytesTotal !== null && bytesTotal > this.config.IMPORT_LIMIT) {
      throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', `The file is larger than the limit of ${this.config.IMPORT_LIMIT} bytes`, [
        { field: 'body', message: `must be at most ${this.config.IMPORT_LIMIT} bytes (IMPORT_LIMIT)` },
      ]);
    }
    return bytesTotal;
  }
}

/** Why an import stopped, as stored with it and answered (when anyone still listens). */
function failureOf(error: unknown, body: Readable, bytesRead: number): { message: string; answer: unknown } {
  if (error instanceof ImportFileError || error instanceof ApiError) return { message: error.message, answer: error };
  if (error instanceof Error && error.message === STOPPED_BY_SHUTDOWN) {
    return { message: error.message, answer: new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'engine_stopping', error.message) };
  }
  if (body.destroyed && !(body as Readable & { complete?: boolean }).complete) {
    const message = `Interrupted: the upload stopped after ${bytesRead} bytes. Rows counted as done are stored; importing the file again is safe`;
    return { message, answer: new ApiError(HttpStatus.BAD_REQUEST, 'upload_interrupted', message) };
  }
  return { message: 'Stopped by an internal error. Rows counted as done are stored; importing the file again is safe', answer: error };
}

/** The answer to a refused file; once the import exists, its details carry its id (rows applied before the problem stay). */
function toApiError(error: unknown, importId: string | null): unknown {
  if (!(error instanceof ImportFileError)) return error;
  const details = importId ? error.details.map((d) => ({ ...d, importId })) : error.details;
  return new ApiError(error.status, error.code, error.message, details);
}
