import { dateTimeSchema, orderInputSchema, shipmentInputSchema, type ShipmentInput } from '@postino/api-contract';
import { getCarrier } from '@postino/carriers';
import { detectCarrier } from '../../../tracking/carrier-detection';
import { amountCell, dateTimeCell, issuesToRowErrors, listCell, wholeNumberCell, YES_NO_REASON, yesNoCell } from '../cells';
import type { CsvRow, ReadOutcome, RowError } from '../import-kind';
import { CUSTOMER_COLUMNS, LINE_COLUMNS, type OrderColumn } from './order-columns';

const REQUIRED: OrderColumn[] = ['order_date', 'currency', 'subtotal', 'total'];
const SHIPPING_COLUMNS: OrderColumn[] = ['shipping_country', 'shipping_city', 'shipping_postal_code'];

// The column each path of orderInputSchema and shipmentInputSchema is read from.
const ORDER_FIELD_COLUMN: Record<string, OrderColumn> = {
  number: 'order_number',
  createdAt: 'order_date',
  status: 'order_status',
  currency: 'currency',
  subtotal: 'subtotal',
  discounts: 'discounts',
  shipping: 'shipping',
  total: 'total',
  discountCodes: 'discount_codes',
};
const NESTED_COLUMN: Record<string, Record<string, OrderColumn>> = {
  lineItems: {
    productId: 'line_product_id',
    variantId: 'line_variant_id',
    sku: 'line_sku',
    title: 'line_title',
    quantity: 'line_quantity',
    unitPrice: 'line_unit_price',
    imageUrl: 'line_image_url',
  },
  customer: {
    email: 'customer_email',
    firstName: 'customer_first_name',
    name: 'customer_name',
    phone: 'customer_phone',
    locale: 'customer_locale',
    consents: 'marketing_consent',
  },
  shippingAddress: { country: 'shipping_country', city: 'shipping_city', postalCode: 'shipping_postal_code' },
  destination: { country: 'shipping_country', city: 'shipping_city', postalCode: 'shipping_postal_code' },
  trackingNumber: { '': 'tracking_number' },
  carrier: { '': 'carrier' },
};

/** The first value the order's rows give for a column, with the row it came from (the first row when none does). */
function pickFrom(rows: CsvRow[]) {
  return (column: OrderColumn) => {
    const row = rows.find((r) => r.get(column) !== '') ?? rows[0];
    return { value: row.get(column), row: row.number };
  };
}

/**
 * One order from its consecutive rows: the order's columns, a line item from each row that has one, a
 * shipment from each row with a tracking number. Any error refuses all its rows (an order is never imported
 * with a line missing); the rows without an error of their own say which row to look at.
 */
export function readOrder(rows: CsvRow[]): ReadOutcome {
  const pick = pickFrom(rows);
  const errors: RowError[] = rows.flatMap((row) => row.problems);
  const fail = (column: OrderColumn, reason: string, row = pick(column).row) => errors.push({ row, column, reason });

  for (const column of REQUIRED) if (pick(column).value === '') fail(column, 'is required');
  const createdAt = dateTimeCell(pick('order_date').value);
  const createdAtValid = dateTimeSchema.safeParse(createdAt).success;
  const consent = yesNoCell(pick('marketing_consent').value);
  if (consent === null) fail('marketing_consent', YES_NO_REASON);
  const hasCustomer = CUSTOMER_COLUMNS.some((column) => pick(column).value !== '');
  if (hasCustomer && pick('customer_email').value === '') fail('customer_email', 'is required with the other customer columns');
  const lineRows = rows.filter((row) => LINE_COLUMNS.some((column) => row.get(column) !== ''));
  const shipping = SHIPPING_COLUMNS.some((column) => pick(column).value !== '')
    ? {
        country: pick('shipping_country').value || undefined,
        city: pick('shipping_city').value || undefined,
        postalCode: pick('shipping_postal_code').value || undefined,
      }
    : undefined;

  const order = orderInputSchema.safeParse({
    number: pick('order_number').value,
    createdAt,
    status: pick('order_status').value.toLowerCase() || undefined,
    currency: pick('currency').value,
    subtotal: amountCell(pick('subtotal').value),
    discounts: amountCell(pick('discounts').value),
    shipping: amountCell(pick('shipping').value),
    total: amountCell(pick('total').value),
    discountCodes: listCell(pick('discount_codes').value),
    shippingAddress: shipping,
    lineItems: lineRows.map((row) => ({
      productId: row.get('line_product_id') || undefined,
      variantId: row.get('line_variant_id') || undefined,
      sku: row.get('line_sku') || undefined,
      title: row.get('line_title'),
      quantity: wholeNumberCell(row.get('line_quantity')),
      unitPrice: amountCell(row.get('line_unit_price')),
      imageUrl: row.get('line_image_url') || undefined,
    })),
    customer: hasCustomer
      ? {
          email: pick('customer_email').value,
          firstName: pick('customer_first_name').value || undefined,
          name: pick('customer_name').value || undefined,
          phone: pick('customer_phone').value || undefined,
          locale: pick('customer_locale').value || undefined,
          // Recorded at the order's time: importing an old file never overrides a newer decision.
          consents:
            typeof consent === 'boolean'
              ? { marketing: { state: consent ? 'granted' : 'denied', at: createdAtValid ? createdAt : undefined } }
              : undefined,
        }
      : undefined,
  });
  if (!order.success) {
    errors.push(
      ...issuesToRowErrors(order.error.issues, ([field, index, nested]) => {
        if (field === 'lineItems' && typeof index === 'number') {
          return { row: lineRows[index]?.number ?? rows[0].number, column: NESTED_COLUMN.lineItems[String(nested)] ?? null };
        }
        const column = ORDER_FIELD_COLUMN[String(field)] ?? NESTED_COLUMN[String(field)]?.[String(index)];
        return column ? { row: pick(column).row, column } : { row: rows[0].number, column: null };
      }),
    );
  }
  const number = pick('order_number').value;
  // Several rows (line items of one parcel) may name the same shipment.
  const shipments = new Map<string, ShipmentInput>();
  for (const row of rows) {
    const shipment = row.get('tracking_number') === '' ? null : readShipment(row, number, shipping, errors);
    if (shipment) shipments.set(`${shipment.carrier}\u0000${shipment.trackingNumber}`, shipment);
  }

  if (errors.length > 0 || !order.success) return { rows: rows.length, errors: withoutDuplicates(errors, rows, number) };
  return { rows: rows.length, items: { orders: [order.data], shipments: [...shipments.values()] } };
}

/** A shipment of the order, its carrier given or detected (apply would refuse the whole batch for one it cannot find). */
function readShipment(row: CsvRow, orderNumber: string, destination: object | undefined, errors: RowError[]): ShipmentInput | null {
  const parsed = shipmentInputSchema.safeParse({
    trackingNumber: row.get('tracking_number'),
    carrier: row.get('carrier') || undefined,
    orderNumber,
    destination,
  });
  if (!parsed.success) {
    const located = issuesToRowErrors(parsed.error.issues, ([field, nested]) => ({
      row: row.number,
      column: NESTED_COLUMN[String(field)]?.[nested === undefined ? '' : String(nested)] ?? null,
    }));
    errors.push(...located);
    return null;
  }
  const carrier = parsed.data.carrier ?? detectCarrier(parsed.data.trackingNumber);
  if (!carrier) {
    errors.push({ row: row.number, column: 'carrier', reason: 'could not be detected from the tracking number: fill in the carrier' });
    return null;
  }
  if (!getCarrier(carrier)) {
    errors.push({ row: row.number, column: 'carrier', reason: `unknown carrier "${carrier}" (see GET /api/v1/carriers)` });
    return null;
  }
  return { ...parsed.data, carrier };
}

/**
 * One error per row and column (a blank required value is said once, not also by the schema), and a pointer
 * on each other row of the refused order.
 */
function withoutDuplicates(errors: RowError[], rows: CsvRow[], orderNumber: string): RowError[] {
  const seen = new Set<string>();
  const kept = errors.filter((e) => {
    const key = `${e.row}\u0000${e.column}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const first = Math.min(...kept.map((e) => e.row));
  const withError = new Set(kept.map((e) => e.row));
  const pointers = rows
    .filter((row) => !withError.has(row.number))
    .map((row) => ({ row: row.number, column: null, reason: `not imported: order ${orderNumber} has an error in row ${first}` }));
  return [...kept, ...pointers].sort((a, b) => a.row - b.row);
}
