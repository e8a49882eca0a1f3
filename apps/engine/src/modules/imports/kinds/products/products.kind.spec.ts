import { describe, expect, it } from 'vitest';
import { readHeader, toCsvRow } from '../../csv-rows';
import { productsImport } from './products.kind';

const read = (header: string[], cells: string[]) => {
  const row = toCsvRow(readHeader(productsImport, header), { rowNumber: 7, cells });
  return row ? productsImport.reader().read(row) : [];
};

describe('products import rows', () => {
  it('reads one product per row, with tags, a decimal comma and yes/no', () => {
    expect(read(['Product_ID', 'title', 'price', 'currency', 'tags', 'in_stock'], ['P-1', 'Tee', '19,5', 'eur', 'a, b', 'no'])).toEqual([
      { rows: 1, items: { products: [{ externalId: 'P-1', title: 'Tee', price: '19.5', currency: 'EUR', tags: ['a', 'b'], inStock: false }] } },
    ]);
  });

  it('names the column of each problem, extra values and NUL characters included', () => {
    const [outcome] = read(['product_id', 'title', 'price', 'url', 'in_stock'], ['P-1', 'T\u0000ee', '9.999', 'ftp://x', 'sometimes', 'extra']);
    expect(outcome).toEqual({
      rows: 1,
      errors: [
        { row: 7, column: null, reason: 'has 6 values but the header has 5 columns (a delimiter inside a value that is not quoted?)' },
        { row: 7, column: 'title', reason: 'must not contain NUL characters (U+0000)' },
        { row: 7, column: 'in_stock', reason: 'must be yes or no (or true/false, 1/0)' },
        { row: 7, column: 'url', reason: 'must be an http(s) URL' },
        { row: 7, column: 'currency', reason: 'is required with a price' },
      ],
    });
  });

  it('refuses a header without a required column, naming it, and lists the columns it ignores', () => {
    expect(() => readHeader(productsImport, ['id', 'title'])).toThrow(/lacks the required column product_id/);
    expect(readHeader(productsImport, ['product_id', 'title', 'Colour']).ignored).toEqual(['Colour']);
  });
});
