import { MAX_KEPT_IMPORT_ERRORS, type ShopDataBatch } from '@postino/api-contract';
import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/clock';
import type { ShopDataService } from '../shop-data/shop-data.service';
import type { CsvRecord } from './csv/csv-records';
import { toCsvRow, type ImportHeader } from './csv-rows';
import type { ImportProgress } from './import';
import type { ImportRepository } from './import.repository';
import type { ImportKind, ReadOutcome, RowError } from './kinds/import-kind';

/** Rows per ShopDataService.apply: one transaction with a fixed number of statements each. */
export const IMPORT_BATCH_ROWS = 500;
// Bytes read are written at most this often while the upload streams…
const HEARTBEAT_EVERY_MS = 250;
// …and at least this often, even while the client sends nothing: a silent import is one whose engine died.
const HEARTBEAT_AT_LEAST_MS = 5_000;

export interface ImportRunContext {
  merchantId: string;
  id: string;
  kind: ImportKind;
  db: DataSource;
  imports: ImportRepository;
  shopData: ShopDataService;
  clock: Clock;
  /** Bytes of the upload read so far. */
  bytesRead(): number;
}

type BatchItems = Required<Pick<ShopDataBatch, 'orders' | 'products' | 'shipments'>>;

/**
 * One import while it runs: rows become items through the kind's reader and are applied 500 rows at a time,
 * each batch with its row errors and the new totals in one transaction (so the progress a reader sees is what
 * was written); bytes read are written by a timer meanwhile.
 */
export class ImportRun {
  private progress: ImportProgress = { bytesRead: 0, rowsDone: 0, rowsFailed: 0, itemsCreated: 0, itemsUpdated: 0, itemsUnchanged: 0, errorCount: 0 };
  private pending = { rowsDone: 0, rowsFailed: 0, items: emptyItems(), errors: [] as RowError[] };
  private heartbeat: NodeJS.Timeout | null = null;
  private lastBeat = { at: 0, bytes: 0 };
  private beating = false;

  constructor(private readonly context: ImportRunContext) {}

  /** Reads every record after the header and applies them; throws what stopped it (rows applied so far stay). */
  async process(header: ImportHeader, records: AsyncIterable<CsvRecord>): Promise<void> {
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_EVERY_MS);
    try {
      const reader = this.context.kind.reader();
      for await (const record of records) {
        const row = toCsvRow(header, record);
        if (row) await this.add(reader.read(row));
      }
      await this.add(reader.end());
      await this.flush();
    } finally {
      clearInterval(this.heartbeat);
    }
  }

  /** Writes the final state with the totals of what was applied. */
  async finish(outcome: { state: 'done' | 'failed'; error: string | null }): Promise<void> {
    const { merchantId, id, imports, clock } = this.context;
    await imports.finish(merchantId, id, { ...outcome, progress: { ...this.progress, bytesRead: this.context.bytesRead() }, now: clock.now() });
  }

  private async add(outcomes: ReadOutcome[]): Promise<void> {
    for (const outcome of outcomes) {
      if ('errors' in outcome) {
        this.pending.rowsFailed += outcome.rows;
        this.pending.errors.push(...outcome.errors);
      } else {
        const { orders = [], products = [], shipments = [] } = outcome.items;
        this.pending.rowsDone += outcome.rows;
        this.pending.items.orders.push(...orders);
        this.pending.items.products.push(...products);
        this.pending.items.shipments.push(...shipments);
      }
    }
    // Outcomes are whole items (an order with all its rows), so a batch never splits one.
    if (this.pending.rowsDone + this.pending.rowsFailed >= IMPORT_BATCH_ROWS) await this.flush();
  }

  private async flush(): Promise<void> {
    const { merchantId, id, db, imports, shopData, clock, kind } = this.context;
    const batch = this.pending;
    if (batch.rowsDone + batch.rowsFailed === 0) return;
    this.pending = { rowsDone: 0, rowsFailed: 0, items: emptyItems(), errors: [] };
    const keep = Math.max(0, Math.min(batch.errors.length, MAX_KEPT_IMPORT_ERRORS - this.progress.errorCount));
    const kept = batch.errors.slice(0, keep).map((error, i) => ({ seq: this.progress.errorCount + i + 1, error }));
    const next: ImportProgress = {
      ...this.progress,
      bytesRead: this.context.bytesRead(),
      rowsDone: this.progress.rowsDone + batch.rowsDone,
      rowsFailed: this.progress.rowsFailed + batch.rowsFailed,
      errorCount: this.progress.errorCount + batch.errors.length,
    };
    await db.transaction(async (manager) => {
      if (batch.rowsDone > 0) {
        const result = await shopData.apply(merchantId, batch.items, { source: 'csv_import', manager });
        for (const { outcome } of kind.outcomesOf(result)) {
          if (outcome === 'created') next.itemsCreated++;
          else if (outcome === 'updated') next.itemsUpdated++;
          else next.itemsUnchanged++;
        }
      }
      await imports.recordBatch(manager, merchantId, id, next, kept, clock.now());
    });
    this.progress = next;
  }

  /** One write at a time: skipped while one is in flight, or when nothing moved and the last one is recent. */
  private async beat(): Promise<void> {
    const bytes = this.context.bytesRead();
    const now = Date.now();
    if (this.beating || (bytes === this.lastBeat.bytes && now - this.lastBeat.at < HEARTBEAT_AT_LEAST_MS)) return;
    this.beating = true;
    try {
      await this.context.imports.heartbeat(this.context.merchantId, this.context.id, bytes, this.context.clock.now());
      this.lastBeat = { at: now, bytes };
    } catch {
      // The next beat tries again; the batch transactions carry the progress that matters.
    } finally {
      this.beating = false;
    }
  }
}

function emptyItems(): BatchItems {
  return { orders: [], products: [], shipments: [] };
}
