import { describe, expect, it } from 'vitest';
import { csvRecords, detectDelimiter } from './csv-records';
import { ImportFileError } from './import-file-error';
import { utf8Text } from './utf8-text';

async function* chunksOf(...parts: (string | Buffer)[]) {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

async function read(...parts: (string | Buffer)[]) {
  const records = [];
  for await (const record of csvRecords(utf8Text(chunksOf(...parts), { maxBytes: 1e6, onBytes: () => {} }))) records.push(record);
  return records;
}

describe('reading CSV uploads', () => {
  it('detects a semicolon header, drops a BOM, keeps quoted delimiters, quotes and line breaks', async () => {
    const records = await read('\ufeffa;b\r\n1;"x;y"\n"multi\nline";"say ""hi"""\n');
    expect(records).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', 'x;y'] },
      { rowNumber: 3, cells: ['multi\nline', 'say "hi"'] },
    ]);
  });

  it('numbers rows as a spreadsheet does across chunks that split records and characters', async () => {
    const euro = Buffer.from('€');
    const records = await read('name,price\nTasse,', euro.subarray(0, 1), euro.subarray(1), '\n\nCap,3\n');
    expect(records.map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['name', 'price']],
      [2, ['Tasse', '€']],
      [3, ['']],
      [4, ['Cap', '3']],
    ]);
  });

  it('picks the delimiter the header holds more of outside quotes', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('"x;y;z",b,c')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('refuses an empty file, a file that is not UTF-8 and a quote that is never closed, after the rows before it', async () => {
    await expect(read('')).rejects.toMatchObject({ code: 'empty_file' });
    await expect(read('\ufeff\r\n')).rejects.toMatchObject({ code: 'empty_file' });
    await expect(read(Buffer.from('name\nJos\xe9\n', 'latin1'))).rejects.toMatchObject({ code: 'not_utf8', message: /near byte 8/ });
    const seen: number[] = [];
    const reading = (async () => {
      for await (const r of csvRecords(utf8Text(chunksOf('a,b\n1,2\n3,"open\n4,5\n'), { maxBytes: 1e6, onBytes: () => {} }))) seen.push(r.rowNumber);
    })();
    await expect(reading).rejects.toThrow(ImportFileError);
    await expect(reading).rejects.toThrow(/opened in row 3 is never closed/);
    expect(seen).toEqual([1, 2]);
  });

  it('stops a file over the limit', async () => {
    const text = utf8Text(chunksOf('a,b\n', '1,2\n'), { maxBytes: 5, onBytes: () => {} });
    await expect((async () => { for await (const _ of csvRecords(text)); })()).rejects.toMatchObject({ status: 413 });
  });
});
