import { z } from 'zod';
import { UPSERT_OUTCOMES } from './common';
import { customerInputSchema } from './customers';
import { orderInputSchema } from './orders';
import { productInputSchema } from './products';
import { createShipmentRequestSchema } from './shipments';

export const MAX_SHOP_DATA_ITEMS = 1000;

/** A shipment (a fulfillment) as a shop sends it; without a customer it takes its order's. */
export const shipmentInputSchema = createShipmentRequestSchema.extend({
  customer: createShipmentRequestSchema.shape.customer.optional(),
});
export type ShipmentInput = z.infer<typeof shipmentInputSchema>;

const list = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item, `must be a list of ${what}`)
    .max(MAX_SHOP_DATA_ITEMS, `must hold at most ${MAX_SHOP_DATA_ITEMS} ${what}`)
    .default([]);

/**
 * Shop data in the one normalized shape every source (API, platform webhooks, CSV import) maps its input to,
 * written in one transaction by the engine's shop-data service. Items with the same key (e-mail, order
 * number, product id, carrier + tracking number) are merged, the later one winning.
 */
export const shopDataBatchSchema = z.object({
  customers: list(customerInputSchema, 'customers'),
  orders: list(orderInputSchema, 'orders'),
  products: list(productInputSchema, 'products'),
  shipments: list(shipmentInputSchema, 'shipments'),
});
export type ShopDataBatch = z.infer<typeof shopDataBatchSchema>;

const outcome = z.enum(UPSERT_OUTCOMES);

/** What applying a batch did, one entry per distinct item, in the order they first appear. */
export const shopDataResultSchema = z.object({
  customers: z.array(z.object({ id: z.uuid(), email: z.string(), outcome })),
  orders: z.array(z.object({ id: z.uuid(), number: z.string(), outcome })),
  products: z.array(z.object({ id: z.uuid(), externalId: z.string(), outcome })),
  shipments: z.array(
    z.object({ id: z.uuid(), carrier: z.string(), trackingNumber: z.string(), orderId: z.uuid().nullable(), outcome }),
  ),
});
export type ShopDataResult = z.infer<typeof shopDataResultSchema>;
