import { describe, expect, it } from 'vitest';
import { importFormSchema } from './import-form';

const file = new File(['order_number\n'], 'orders.csv', { type: 'text/csv' });

describe('importFormSchema', () => {
  it('takes the kind and the one chosen file', () => {
    expect(importFormSchema.parse({ kind: 'orders', file: { length: 1, 0: file } })).toEqual({ kind: 'orders', file });
  });

  it('asks for a file when none was chosen', () => {
    const result = importFormSchema.safeParse({ kind: 'products', file: { length: 0 } });
    expect(result.error?.issues[0]).toMatchObject({ path: ['file'], message: 'Choose a CSV file to import.' });
  });

  it('refuses a kind the API does not know, in its words', () => {
    const result = importFormSchema.safeParse({ kind: 'customers', file: { length: 1, 0: file } });
    expect(result.error?.issues[0]).toMatchObject({ path: ['kind'], message: 'must be one of orders, products' });
  });
});
