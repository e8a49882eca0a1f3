import type { ShopDataBatch, ShopDataResult, UpsertOutcome } from '@postino/api-contract';

/** A column of a kind's CSV, as documented (docs/csv-import.md, OpenAPI) and shown in its template. */
export interface ImportColumn {
  name: string;
  /** The header must have it (a value may still be blank on some rows, as the description says). */
  required?: true;
  description: string;
}

/** A refused row: its number (the header is row 1), the column at fault when there is one, and why. */
export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

/** One data row, read through the header. */
export interface CsvRow {
  number: number;
  /** The trimmed value of a column; '' when blank or absent. */
  get(column: string): string;
  /** What is wrong with the row whatever its kind (more values than columns, NUL characters). */
  problems: RowError[];
}

/** What some consecutive rows came to: items to apply, or the errors that refuse them all. */
export type ReadOutcome = { rows: number; items: Partial<ShopDataBatch> } | { rows: number; errors: RowError[] };

/** Turns rows into items; an item may take several rows (an order's line items), emitted once it is complete. */
export interface RowReader {
  read(row: CsvRow): ReadOutcome[];
  /** What is still open at the end of the file. */
  end(): ReadOutcome[];
}

/**
 * What a kind of import is: its columns, an example, and how rows become shop data. A kind is one folder in
 * kinds/, listed in kinds/index.ts; nothing else in the module knows any kind by name.
 */
export interface ImportKind {
  columns: readonly ImportColumn[];
  /** Rows of the downloadable example file, by column name. */
  example: readonly Readonly<Record<string, string>>[];
  reader(): RowReader;
  /** The results of the kind's own items (orders, products) in what a batch did: counted as created, updated, unchanged. */
  outcomesOf(result: ShopDataResult): readonly { outcome: UpsertOutcome }[];
}
