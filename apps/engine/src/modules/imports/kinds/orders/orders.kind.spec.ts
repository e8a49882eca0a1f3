import { describe, expect, it } from 'vitest';
import { readHeader, toCsvRow } from '../../csv-rows';
import type { ReadOutcome } from '../import-kind';
import { ordersImport } from './orders.kind';

const HEADER = ['order_number', 'order_date', 'currency', 'subtotal', 'total', 'customer_email', 'marketing_consent', 'line_title', 'line_quantity', 'line_unit_price', 'tracking_number', 'carrier'];

/** Reads rows (by column) as a file would give them, the header being row 1. */
function readAll(rows: Record<string, string>[]): ReadOutcome[] {
  const header = readHeader(ordersImport, HEADER);
  const reader = ordersImport.reader();
  const outcomes = rows.flatMap((cells, i) => {
    const row = toCsvRow(header, { rowNumber: i + 2, cells: HEADER.map((column) => cells[column] ?? '') });
    return row ? reader.read(row) : [];
  });
  return [...outcomes, ...reader.end()];
}

const first = { order_number: '#1', order_date: '2026-11-27 08:15', currency: 'EUR', subtotal: '49,90', total: '49,90', customer_email: 'ana@example.com', marketing_consent: 'yes' };

describe('orders import rows', () => {
  it('merges consecutive rows of one order: order columns from its first row, a line item per row, a shipment per tracking number', () => {
    const [outcome] = readAll([
      { ...first, line_title: 'Tee', line_quantity: '1', line_unit_price: '29,90', tracking_number: '794612345678', carrier: 'fedex' },
      { order_number: '#1', line_title: 'Cap', line_quantity: '2', line_unit_price: '10', tracking_number: '794612345678', carrier: 'fedex' },
    ]);
    expect(outcome).toMatchObject({
      rows: 2,
      items: {
        orders: [
          {
            number: '#1',
            createdAt: '2026-11-27T08:15:00Z',
            subtotal: '49.90',
            lineItems: [expect.objectContaining({ title: 'Tee', unitPrice: '29.90' }), expect.objectContaining({ title: 'Cap', quantity: 2 })],
            customer: { email: 'ana@example.com', consents: { marketing: { state: 'granted', at: '2026-11-27T08:15:00Z' } } },
          },
        ],
        shipments: [expect.objectContaining({ trackingNumber: '794612345678', carrier: 'fedex', orderNumber: '#1' })],
      },
    });
  });

  it('refuses all rows of an order with a bad row, naming row and column, and keeps the next order', () => {
    const outcomes = readAll([
      { ...first, line_title: 'Tee', line_quantity: 'two', line_unit_price: '29.90' },
      { order_number: '#1', line_title: 'Cap', line_quantity: '1', line_unit_price: '20', tracking_number: 'X1', carrier: 'nope' },
      { ...first, order_number: '#2', currency: 'EURO' },
    ]);
    expect(outcomes[0]).toEqual({
      rows: 2,
      errors: [
        { row: 2, column: 'line_quantity', reason: 'must be a number' },
        { row: 3, column: 'carrier', reason: 'unknown carrier "nope" (see GET /api/v1/carriers)' },
      ],
    });
    expect(outcomes[1]).toEqual({ rows: 1, errors: [{ row: 4, column: 'currency', reason: 'must be an ISO 4217 currency code such as EUR' }] });
  });

  it('says which required order columns are blank, and that customer columns need an e-mail', () => {
    const [outcome] = readAll([{ order_number: '#3', currency: 'EUR', subtotal: '1', marketing_consent: 'maybe' }]);
    expect(outcome).toEqual({
      rows: 1,
      errors: [
        { row: 2, column: 'order_date', reason: 'is required' },
        { row: 2, column: 'total', reason: 'is required' },
        { row: 2, column: 'marketing_consent', reason: 'must be yes or no (or true/false, 1/0)' },
        { row: 2, column: 'customer_email', reason: 'is required with the other customer columns' },
      ],
    });
  });

  it('refuses an order number that comes back after other orders, and rows without one', () => {
    const outcomes = readAll([{ ...first }, { ...first, order_number: '#2' }, { ...first }, { ...first, order_number: '' }]);
    expect(outcomes.map((o) => ('errors' in o ? o.errors.map((e) => [e.row, e.column]) : 'ok'))).toEqual([
      'ok',
      'ok',
      [[4, 'order_number']],
      [[5, 'order_number']],
    ]);
  });
});
