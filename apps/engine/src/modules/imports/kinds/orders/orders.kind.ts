import type { ImportKind, CsvRow, ReadOutcome, RowReader } from '../import-kind';
import { ORDER_COLUMNS, ORDER_EXAMPLE } from './order-columns';
import { readOrder } from './order-rows';

// An order's rows are held until the order ends; past this many (the schema allows 500 line items) they are
// counted, not held, and the order is refused.
const MAX_ROWS_PER_ORDER = 1000;

/**
 * Groups consecutive rows by order_number. An order number seen again after other orders is refused: applying
 * its second group would replace the line items of the first.
 */
class OrderRowsReader implements RowReader {
  private current: { number: string; rows: CsvRow[]; overflow: number[] } | null = null;
  private readonly ended = new Set<string>();

  read(row: CsvRow): ReadOutcome[] {
    const number = row.get('order_number');
    if (number === '') return [{ rows: 1, errors: [{ row: row.number, column: 'order_number', reason: 'is required on every row of an order' }] }];
    if (this.current?.number === number) {
      if (this.current.rows.length < MAX_ROWS_PER_ORDER) this.current.rows.push(row);
      else this.current.overflow.push(row.number);
      return [];
    }
    const done = this.end();
    if (this.ended.has(number)) {
      const reason = `order ${number} appeared earlier in the file with other orders in between: the rows of one order must be consecutive`;
      return [...done, { rows: 1, errors: [{ row: row.number, column: 'order_number', reason }] }];
    }
    this.current = { number, rows: [row], overflow: [] };
    return done;
  }

  end(): ReadOutcome[] {
    const order = this.current;
    if (!order) return [];
    this.current = null;
    this.ended.add(order.number);
    if (order.overflow.length === 0) return [readOrder(order.rows)];
    const reason = `order ${order.number} has more than ${MAX_ROWS_PER_ORDER} rows`;
    const rows = [...order.rows.map((r) => r.number), ...order.overflow];
    return [{ rows: rows.length, errors: rows.map((row) => ({ row, column: 'order_number', reason })) }];
  }
}

export const ordersImport: ImportKind = {
  columns: ORDER_COLUMNS,
  example: ORDER_EXAMPLE,
  reader: () => new OrderRowsReader(),
  outcomesOf: (result) => result.orders,
};
