import { fromMinorUnits, type OrderView } from '@postino/api-contract';
import type { OrderRow } from './order';

/** The public JSON shape of an order: amounts as decimal strings in its currency. */
export function orderView(o: OrderRow): OrderView {
  const money = (minor: number) => fromMinorUnits(minor, o.currency);
  return {
    id: o.id,
    number: o.number,
    externalId: o.externalId,
    status: o.status,
    currency: o.currency,
    subtotal: money(o.subtotalMinor),
    discounts: money(o.discountsMinor),
    shipping: money(o.shippingMinor),
    total: money(o.totalMinor),
    lineItems: o.lineItems.map((item) => ({
      productId: item.productId,
      variantId: item.variantId,
      sku: item.sku,
      title: item.title,
      quantity: item.quantity,
      unitPrice: money(item.unitPriceMinor),
      imageUrl: item.imageUrl,
    })),
    discountCodes: o.discountCodes,
    shippingAddress: (o.shippingAddress as Record<string, string> | null) ?? null,
    customerId: o.customerId,
    createdAt: new Date(o.createdAt).toISOString(),
    receivedAt: new Date(o.receivedAt).toISOString(),
    updatedAt: new Date(o.updatedAt).toISOString(),
  };
}
