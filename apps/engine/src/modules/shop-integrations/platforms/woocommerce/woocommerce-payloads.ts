import { amountSchema, currencySchema } from '@postino/api-contract';
import { z } from 'zod';
import { optionalTextSchema, platformIdSchema } from '../payload-fields';

/**
 * The fields Postino reads from WooCommerce's webhook payloads, which are the REST API v3 resources
 * (woocommerce.github.io/woocommerce-rest-api-docs). Money is a decimal string in the order's currency;
 * unset text is "".
 */

/** "2017-03-22T19:28:02": UTC without an offset (the `_gmt` twin of the site-local `date_created`). */
const gmtDateTimeSchema = z
  .string('must be a date-time such as 2017-03-22T19:28:02')
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'must be a date-time such as 2017-03-22T19:28:02')
  .transform((value) => `${value}Z`);

const addressSchema = z.object({
  first_name: optionalTextSchema,
  last_name: optionalTextSchema,
  company: optionalTextSchema,
  address_1: optionalTextSchema,
  address_2: optionalTextSchema,
  city: optionalTextSchema,
  state: optionalTextSchema,
  postcode: optionalTextSchema,
  country: optionalTextSchema,
  phone: optionalTextSchema,
});
export type WooAddress = z.infer<typeof addressSchema>;

const billingSchema = addressSchema.extend({ email: optionalTextSchema });

/**
 * One entry of the `_wc_shipment_tracking_items` order meta written by the WooCommerce Shipment Tracking
 * extension (and Advanced Shipment Tracking, which keeps its format): a provider slug, or a custom name.
 */
export const trackingItemSchema = z.object({
  tracking_provider: optionalTextSchema,
  custom_tracking_provider: optionalTextSchema,
  tracking_number: z.union([z.string(), z.number()], 'must be a tracking number').transform(String),
});

const metaDataSchema = z.array(z.object({ key: z.string('must be a string'), value: z.unknown() }), 'must be a list').nullish();

const lineItemSchema = z.object({
  name: optionalTextSchema,
  product_id: platformIdSchema.nullish(),
  variation_id: platformIdSchema.nullish(),
  quantity: z.number('must be a number').int('must be a whole number'),
  /** The line before discounts (unit price × quantity). */
  subtotal: amountSchema,
  sku: optionalTextSchema,
  image: z.object({ src: optionalTextSchema }).nullish(),
});

/** order.created|updated. */
export const orderSchema = z.object({
  id: platformIdSchema,
  number: z.union([z.string(), z.number()], 'must be an order number').transform(String),
  /** pending | processing | on-hold | completed | cancelled | refunded | failed | … */
  status: optionalTextSchema,
  currency: currencySchema,
  date_created_gmt: gmtDateTimeSchema,
  discount_total: amountSchema.nullish(),
  shipping_total: amountSchema.nullish(),
  total: amountSchema,
  customer_id: platformIdSchema.nullish(),
  billing: billingSchema.nullish(),
  shipping: addressSchema.nullish(),
  line_items: z.array(lineItemSchema, 'must be a list'),
  coupon_lines: z.array(z.object({ code: z.string('must be a string') }), 'must be a list').nullish(),
  meta_data: metaDataSchema,
});
export type WooOrder = z.infer<typeof orderSchema>;

/** product.created|updated. */
export const productSchema = z.object({
  id: platformIdSchema,
  name: z.string('is required').trim().min(1, 'is required'),
  /** publish | draft | pending | private */
  status: optionalTextSchema,
  permalink: optionalTextSchema,
  /** "" for a variable product without prices yet. */
  price: z.union([z.string(), z.number()], 'must be an amount').nullish(),
  /** instock | outofstock | onbackorder */
  stock_status: optionalTextSchema,
  tags: z.array(z.object({ name: z.string('must be a string') }), 'must be a list').nullish(),
  images: z.array(z.object({ src: optionalTextSchema }), 'must be a list').nullish(),
});
export type WooProduct = z.infer<typeof productSchema>;
