import { toMinorUnits, type OrderInput, type OrderStatus, type UpsertOutcome } from '@postino/api-contract';
import { canonicalJson } from '../../common/idempotency/idempotency.interceptor';
import type { OrderRow, StoredLineItem } from './order';

export interface PlannedOrder {
  row: OrderRow;
  outcome: UpsertOutcome;
  /** What differs from the stored order, by API field name (empty for a new or unchanged order). */
  changed: string[];
  /** The status before, when this write cancels the order. */
  cancelledFrom: OrderStatus | null;
}

/** Validated input always converts (the schema checked the decimals against the currency). */
function minor(amount: string, currency: string): number {
  const value = toMinorUnits(amount, currency);
  if (value === null) throw new Error(`amount ${amount} does not fit ${currency}: validate with orderInputSchema first`);
  return value;
}

function lineItemsOf(input: OrderInput): StoredLineItem[] {
  return input.lineItems.map((item) => ({
    productId: item.productId ?? null,
    variantId: item.variantId ?? null,
    sku: item.sku ?? null,
    title: item.title,
    quantity: item.quantity,
    unitPriceMinor: minor(item.unitPrice, input.currency),
    imageUrl: item.imageUrl ?? null,
  }));
}

/** Compared by value, whatever the key order jsonb gave back. */
const COMPARED: [keyof OrderRow, string, (o: OrderRow) => unknown][] = [
  ['externalId', 'externalId', (o) => o.externalId],
  ['customerId', 'customerId', (o) => o.customerId],
  ['status', 'status', (o) => o.status],
  ['currency', 'currency', (o) => o.currency],
  ['subtotalMinor', 'subtotal', (o) => o.subtotalMinor],
  ['discountsMinor', 'discounts', (o) => o.discountsMinor],
  ['shippingMinor', 'shipping', (o) => o.shippingMinor],
  ['totalMinor', 'total', (o) => o.totalMinor],
  ['lineItems', 'lineItems', (o) => canonicalJson(o.lineItems)],
  ['discountCodes', 'discountCodes', (o) => canonicalJson(o.discountCodes)],
  ['shippingAddress', 'shippingAddress', (o) => canonicalJson(o.shippingAddress)],
  ['createdAt', 'createdAt', (o) => o.createdAt.getTime()],
];

/**
 * What writing `input` over `existing` (null: a new order) gives. Shops send the whole order on every
 * update, so the input replaces the stored order, except that an order keeps its customer when the update
 * names none.
 */
export function planOrder(
  existing: OrderRow | null,
  input: OrderInput,
  context: { id: string; merchantId: string; customerId: string | null; now: Date },
): PlannedOrder {
  const row: OrderRow = {
    id: existing?.id ?? context.id,
    merchantId: context.merchantId,
    number: input.number,
    externalId: input.externalId ?? null,
    customerId: context.customerId ?? existing?.customerId ?? null,
    status: input.status,
    currency: input.currency,
    subtotalMinor: minor(input.subtotal, input.currency),
    discountsMinor: minor(input.discounts, input.currency),
    shippingMinor: minor(input.shipping, input.currency),
    totalMinor: minor(input.total, input.currency),
    lineItems: lineItemsOf(input),
    discountCodes: input.discountCodes,
    shippingAddress: input.shippingAddress && Object.keys(input.shippingAddress).length > 0 ? input.shippingAddress : null,
    createdAt: new Date(input.createdAt),
    receivedAt: existing?.receivedAt ?? context.now,
    updatedAt: context.now,
  };
  if (!existing) return { row, outcome: 'created', changed: [], cancelledFrom: null };
  const changed = COMPARED.filter(([, , read]) => read(row) !== read(existing)).map(([, name]) => name);
  if (changed.length === 0) return { row: existing, outcome: 'unchanged', changed, cancelledFrom: null };
  const cancelledFrom = row.status === 'cancelled' && existing.status !== 'cancelled' ? existing.status : null;
  return { row, outcome: 'updated', changed, cancelledFrom };
}
