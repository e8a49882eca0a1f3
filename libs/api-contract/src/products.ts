import { z } from 'zod';
import { tagsSchema, textSchema, webUrlSchema } from './fields';
import { amountSchema, checkAmounts, currencySchema } from './money';
import { UPSERT_OUTCOMES } from './common';

export const MAX_PRODUCTS_PER_CALL = 1000;

/** A catalogue entry, identified by the shop's own id within the merchant. A price needs its currency. */
export const productInputSchema = z
  .object({
    externalId: textSchema(100).min(1, 'is required'),
    title: textSchema(500).min(1, 'is required'),
    url: webUrlSchema.optional(),
    imageUrl: webUrlSchema.optional(),
    price: amountSchema.optional(),
    currency: currencySchema.optional(),
    tags: tagsSchema.default([]),
    inStock: z.boolean('must be true or false').default(true),
  })
  .superRefine((product, ctx) => {
    if (product.price !== undefined && !product.currency) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required with a price' });
    }
    checkAmounts(ctx, product.currency, [[['price'], product.price]]);
  });
export type ProductInput = z.infer<typeof productInputSchema>;

export const upsertProductsRequestSchema = z.object({
  products: z
    .array(productInputSchema, 'must be a list of products')
    .min(1, 'must hold at least one product')
    .max(MAX_PRODUCTS_PER_CALL, `must hold at most ${MAX_PRODUCTS_PER_CALL} products`),
});
export type UpsertProductsRequest = z.infer<typeof upsertProductsRequestSchema>;

export const listProductsQuerySchema = z.object({
  /** Part of the title or the shop's product id. */
  q: textSchema(200).optional(),
  inStock: z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true').optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListProductsQuery = z.infer<typeof listProductsQuerySchema>;

export const productViewSchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  imageUrl: z.string().nullable(),
  price: z.string().nullable(),
  currency: z.string().nullable(),
  tags: z.array(z.string()),
  inStock: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductView = z.infer<typeof productViewSchema>;

export const productPageSchema = z.object({ items: z.array(productViewSchema), nextCursor: z.string().nullable() });

export const upsertProductsResponseSchema = z.object({
  /** One per product sent, in order. */
  items: z.array(z.object({ id: z.uuid(), externalId: z.string(), outcome: z.enum(UPSERT_OUTCOMES) })),
});
