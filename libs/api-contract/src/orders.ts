import { z } from 'zod';
import { UPSERT_OUTCOMES } from './common';
import { customerInputSchema, customerViewSchema } from './customers';
import { countrySchema, dateTimeSchema, textSchema, webUrlSchema } from './fields';
import { amountSchema, checkAmounts, currencySchema } from './money';
import { shipmentSummarySchema } from './shipments';

export const ORDER_STATUSES = ['open', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const MAX_LINE_ITEMS = 500;

export const addressSchema = z.object({
  name: textSchema(200).optional(),
  company: textSchema(200).optional(),
  address1: textSchema(300).optional(),
  address2: textSchema(300).optional(),
  city: textSchema(100).optional(),
  postalCode: textSchema(20).optional(),
  province: textSchema(100).optional(),
  country: countrySchema.optional(),
  phone: textSchema(40).optional(),
});
export type Address = z.infer<typeof addressSchema>;

const idSchema = textSchema(100).min(1, 'must not be blank');

export const lineItemInputSchema = z.object({
  productId: idSchema.optional(),
  variantId: idSchema.optional(),
  sku: idSchema.optional(),
  title: textSchema(500).min(1, 'is required'),
  quantity: z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(100_000),
  unitPrice: amountSchema,
  imageUrl: webUrlSchema.optional(),
});
export type LineItemInput = z.infer<typeof lineItemInputSchema>;

/** An order as a shop sends it, identified by its number within the merchant. Amounts are in `currency`. */
export const orderInputSchema = z
  .object({
    number: textSchema(100).min(1, 'is required'),
    externalId: idSchema.optional(),
    /** When the customer placed it. */
    createdAt: dateTimeSchema,
    status: z.enum(ORDER_STATUSES, `must be one of ${ORDER_STATUSES.join(', ')}`).default('open'),
    currency: currencySchema,
    subtotal: amountSchema,
    discounts: amountSchema.default('0'),
    shipping: amountSchema.default('0'),
    total: amountSchema,
    lineItems: z
      .array(lineItemInputSchema, 'must be a list')
      .max(MAX_LINE_ITEMS, `must hold at most ${MAX_LINE_ITEMS} items`)
      .default([]),
    discountCodes: z
      .array(textSchema(100).min(1, 'must not be blank'), 'must be a list')
      .max(50)
      .default([])
      .transform((codes) => [...new Set(codes)]),
    shippingAddress: addressSchema.optional(),
    customer: customerInputSchema.optional(),
  })
  .superRefine((order, ctx) =>
    checkAmounts(ctx, order.currency, [
      [['subtotal'], order.subtotal],
      [['discounts'], order.discounts],
      [['shipping'], order.shipping],
      [['total'], order.total],
      ...order.lineItems.map((item, i): [(string | number)[], string] => [['lineItems', i, 'unitPrice'], item.unitPrice]),
    ]),
  );
export type OrderInput = z.infer<typeof orderInputSchema>;

export const listOrdersQuerySchema = z.object({
  status: z.enum(ORDER_STATUSES, `must be one of ${ORDER_STATUSES.join(', ')}`).optional(),
  customerId: z.uuid('must be a customer id (UUID)').optional(),
  /** Orders placed at or after this time. */
  createdFrom: dateTimeSchema.optional(),
  /** Orders placed before this time. */
  createdTo: dateTimeSchema.optional(),
  /** Part of the order number or of the customer's e-mail or name. */
  q: textSchema(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

export const lineItemViewSchema = z.object({
  productId: z.string().nullable(),
  variantId: z.string().nullable(),
  sku: z.string().nullable(),
  title: z.string(),
  quantity: z.number().int(),
  unitPrice: z.string(),
  imageUrl: z.string().nullable(),
});

export const orderViewSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  externalId: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  currency: z.string(),
  subtotal: z.string(),
  discounts: z.string(),
  shipping: z.string(),
  total: z.string(),
  lineItems: z.array(lineItemViewSchema),
  discountCodes: z.array(z.string()),
  shippingAddress: z.record(z.string(), z.string()).nullable(),
  customerId: z.uuid().nullable(),
  createdAt: z.string(),
  receivedAt: z.string(),
  updatedAt: z.string(),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const orderPageSchema = z.object({ items: z.array(orderViewSchema), nextCursor: z.string().nullable() });

export const orderDetailSchema = orderViewSchema.extend({
  customer: customerViewSchema.nullable(),
  shipments: z.array(shipmentSummarySchema),
});

export const upsertOrderResponseSchema = z.object({
  outcome: z.enum(UPSERT_OUTCOMES),
  order: orderDetailSchema,
});
