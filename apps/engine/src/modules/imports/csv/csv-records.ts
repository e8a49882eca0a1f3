import { parse, type CsvError } from 'csv-parse';
import { finished } from 'node:stream/promises';
import { ImportFileError } from './import-file-error';

/** A record of the file with its number as a spreadsheet shows it: the header is row 1. */
export interface CsvRecord {
  rowNumber: number;
  cells: string[];
}

export type Delimiter = ',' | ';';

// A header longer than this without a line break is not a CSV header.
const MAX_HEADER_CHARS = 64 * 1024;
// One record larger than this is a quote that was never closed, or not CSV: stop rather than hold it all.
const MAX_RECORD_BYTES = 1024 * 1024;

/** Comma or semicolon, whichever the header line holds more of outside quotes (comma when neither). */
export function detectDelimiter(headerLine: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads CSV records from text chunks with csv-parse, one chunk at a time: the next chunk is only read when the
 * caller asks for more records, so the upload is paused while a batch is being written. Quotes inside unquoted
 * values are taken literally and rows may have fewer or more fields than the header (the caller judges them);
 * a quote never closed or a record over 1 MB stops the reading with an ImportFileError.
 */
export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const chunks = text[Symbol.asyncIterator]();
  let head = '';
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    head += next.value;
    if (/[\r\n]/.test(head) || head.length > MAX_HEADER_CHARS) break;
  }
  if (head.trim() === '') throw ImportFileError.invalid('empty_file', 'The file is empty: it needs a header row and data rows');
  const headerLine = head.split(/\r\n|\r|\n/, 1)[0];
  if (headerLine.length > MAX_HEADER_CHARS) {
    throw ImportFileError.invalid('invalid_csv', 'The first line is not a CSV header (over 64 KB without a line break)');
  }

  const records: string[][] = [];
  // Records are taken as they are parsed (and dropped from the stream): ones parsed before an error still count.
  const parser = parse({
    delimiter: detectDelimiter(headerLine),
    // Any line ending, even mixed in one file (rows pasted from another system).
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record: string[]) => {
      records.push(record);
      return null;
    },
  });
  let failure: CsvError | null = null;
  parser.on('error', (error: CsvError) => (failure ??= error));
  parser.resume();
  let rowNumber = 0;
  const numbered = function* () {
    for (const cells of records.splice(0)) yield { rowNumber: ++rowNumber, cells };
    if (failure) throw unreadable(failure, rowNumber + 1);
  };

  parser.write(head);
  yield* numbered();
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    parser.write(next.value);
    yield* numbered();
  }
  parser.end();
  await finished(parser).catch((error: CsvError) => (failure ??= error));
  yield* numbered();
}

function unreadable(error: CsvError, rowNumber: number): ImportFileError {
  const reason =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `a quoted value opened in row ${rowNumber} is never closed (the file ends inside it)`
      : error.code === 'CSV_MAX_RECORD_SIZE'
        ? `row ${rowNumber} is larger than 1 MB (a quote never closed?)`
        : `row ${rowNumber} cannot be read as CSV (${error.message})`;
  return ImportFileError.invalid('invalid_csv', `The file cannot be read on: ${reason}`);
}
