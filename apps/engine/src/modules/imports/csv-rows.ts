import { HttpStatus } from '@nestjs/common';
import type { CsvRecord } from './csv/csv-records';
import { ImportFileError } from './csv/import-file-error';
import type { ImportKind, CsvRow, RowError } from './kinds/import-kind';

export interface ImportHeader {
  /** Each column the kind knows, by name, at its index in the file. */
  indexOf: Map<string, number>;
  width: number;
  /** Header cells the kind does not know. */
  ignored: string[];
}

/**
 * The header row read against a kind: names compared trimmed and lower-cased; a missing required column or
 * a column named twice refuses the file (a 400 naming the columns); unknown columns are ignored and listed.
 */
export function readHeader(kind: ImportKind, cells: string[]): ImportHeader {
  const known = new Set(kind.columns.map((c) => c.name));
  const indexOf = new Map<string, number>();
  const ignored: string[] = [];
  const twice = new Set<string>();
  cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (name === '') return;
    if (!known.has(name)) ignored.push(cell.trim());
    else if (indexOf.has(name)) twice.add(name);
    else indexOf.set(name, index);
  });
  const missing = kind.columns.filter((c) => c.required && !indexOf.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    const message = `The header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
    throw new ImportFileError(HttpStatus.BAD_REQUEST, 'missing_columns', message, missing.map((field) => ({ field, message: 'is a required column' })));
  }
  if (twice.size > 0) {
    const message = `The header names ${[...twice].join(', ')} more than once`;
    throw new ImportFileError(HttpStatus.BAD_REQUEST, 'duplicate_columns', message, [...twice].map((field) => ({ field, message: 'appears twice in the header' })));
  }
  return { indexOf, width: cells.length, ignored };
}

/** A data record read through the header; null for a blank line (skipped, neither done nor failed). */
export function toCsvRow(header: ImportHeader, { rowNumber, cells }: CsvRecord): CsvRow | null {
  if (cells.every((cell) => cell.trim() === '')) return null;
  const problems: RowError[] = [];
  const extra = cells.slice(header.width).filter((cell) => cell.trim() !== '').length;
  if (extra > 0) {
    problems.push({
      row: rowNumber,
      column: null,
      reason: `has ${cells.length} values but the header has ${header.width} columns (a delimiter inside a value that is not quoted?)`,
    });
  }
  for (const [column, index] of header.indexOf) {
    if (cells[index]?.includes('\u0000')) problems.push({ row: rowNumber, column, reason: 'must not contain NUL characters (U+0000)' });
  }
  return {
    number: rowNumber,
    get: (column) => cells[header.indexOf.get(column) ?? -1]?.trim() ?? '',
    problems,
  };
}
