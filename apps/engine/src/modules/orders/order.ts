import type { Address, OrderStatus } from '@postino/api-contract';

/** A line item as stored in the order's jsonb: amounts in minor units of the order's currency. */
export interface StoredLineItem {
  productId: string | null;
  variantId: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  imageUrl: string | null;
}

export interface OrderRow {
  id: string;
  merchantId: string;
  number: string;
  externalId: string | null;
  customerId: string | null;
  status: OrderStatus;
  currency: string;
  subtotalMinor: number;
  discountsMinor: number;
  shippingMinor: number;
  totalMinor: number;
  lineItems: StoredLineItem[];
  discountCodes: string[];
  shippingAddress: Address | null;
  /** When the customer placed it, as the shop says. */
  createdAt: Date;
  receivedAt: Date;
  updatedAt: Date;
}

// Minor amounts stay below 2^53 (see @postino/api-contract money), so float8 reads them exactly as JS numbers.
export const ORDER_COLUMNS = `
  o.id, o.merchant_id AS "merchantId", o.number, o.external_id AS "externalId", o.customer_id AS "customerId",
  o.status, o.currency, o.subtotal_minor::float8 AS "subtotalMinor", o.discounts_minor::float8 AS "discountsMinor",
  o.shipping_minor::float8 AS "shippingMinor", o.total_minor::float8 AS "totalMinor", o.line_items AS "lineItems",
  o.discount_codes AS "discountCodes", o.shipping_address AS "shippingAddress", o.created_at AS "createdAt",
  o.received_at AS "receivedAt", o.updated_at AS "updatedAt"`;
