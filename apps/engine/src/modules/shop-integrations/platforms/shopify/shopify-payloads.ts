import { amountSchema, currencySchema, dateTimeSchema } from '@postino/api-contract';
import { z } from 'zod';
import { optionalTextSchema, platformIdSchema } from '../payload-fields';

/**
 * The fields Postino reads from Shopify's webhook payloads (REST shapes, as in the topic examples of
 * shopify.dev/docs/api/webhooks). Money is the shop currency's decimal string ("199.00").
 */

const addressSchema = z.object({
  name: optionalTextSchema,
  first_name: optionalTextSchema,
  last_name: optionalTextSchema,
  company: optionalTextSchema,
  address1: optionalTextSchema,
  address2: optionalTextSchema,
  city: optionalTextSchema,
  zip: optionalTextSchema,
  province: optionalTextSchema,
  country_code: optionalTextSchema,
  phone: optionalTextSchema,
});
export type ShopifyAddress = z.infer<typeof addressSchema>;

/** subscribed | not_subscribed | unsubscribed | pending | redacted | invalid. */
export const marketingConsentSchema = z.object({
  state: optionalTextSchema,
  opt_in_level: optionalTextSchema,
  consent_updated_at: dateTimeSchema.nullish(),
});
export type ShopifyMarketingConsent = z.infer<typeof marketingConsentSchema>;

/**
 * A customer, alone (customers/create|update) or inside an order. Before Admin API 2025-01 it carried its
 * marketing consent (`email_marketing_consent`, and before that `accepts_marketing`); both are still read.
 */
export const customerSchema = z.object({
  id: platformIdSchema.nullish(),
  email: optionalTextSchema,
  first_name: optionalTextSchema,
  last_name: optionalTextSchema,
  phone: optionalTextSchema,
  tags: optionalTextSchema,
  default_address: z.object({ country_code: optionalTextSchema }).nullish(),
  email_marketing_consent: marketingConsentSchema.nullish(),
  accepts_marketing: z.boolean('must be true or false').nullish(),
  accepts_marketing_updated_at: dateTimeSchema.nullish(),
});
export type ShopifyCustomer = z.infer<typeof customerSchema>;

/** customers_email_marketing_consent/update, the topic marketing consent changes arrive on since 2025-01. */
export const marketingConsentUpdateSchema = z.object({
  customer_id: platformIdSchema.nullish(),
  email_address: optionalTextSchema,
  email_marketing_consent: marketingConsentSchema,
});
export type ShopifyMarketingConsentUpdate = z.infer<typeof marketingConsentUpdateSchema>;

/** fulfillments/create|update, and each of an order's `fulfillments`. `name` is the order's name + ".1", ".2"… */
export const fulfillmentSchema = z.object({
  id: platformIdSchema,
  name: optionalTextSchema,
  /** pending | open | success | cancelled | error | failure */
  status: optionalTextSchema,
  tracking_company: optionalTextSchema,
  tracking_number: optionalTextSchema,
  tracking_numbers: z.array(z.string('must be a string'), 'must be a list').nullish(),
  email: optionalTextSchema,
  destination: addressSchema.nullish(),
});
export type ShopifyFulfillment = z.infer<typeof fulfillmentSchema>;

const lineItemSchema = z.object({
  product_id: platformIdSchema.nullish(),
  variant_id: platformIdSchema.nullish(),
  sku: optionalTextSchema,
  title: optionalTextSchema,
  name: optionalTextSchema,
  quantity: z.number('must be a number').int('must be a whole number'),
  price: amountSchema,
});

/** orders/create|updated|cancelled. */
export const orderSchema = z.object({
  id: platformIdSchema,
  /** "#1001": the number customers see, Postino's order number. */
  name: z.string('is required').trim().min(1, 'is required'),
  email: optionalTextSchema,
  contact_email: optionalTextSchema,
  phone: optionalTextSchema,
  created_at: dateTimeSchema,
  cancelled_at: optionalTextSchema,
  financial_status: optionalTextSchema,
  currency: currencySchema,
  total_line_items_price: amountSchema,
  total_discounts: amountSchema.nullish(),
  total_shipping_price_set: z.object({ shop_money: z.object({ amount: amountSchema }) }).nullish(),
  total_price: amountSchema,
  customer_locale: optionalTextSchema,
  buyer_accepts_marketing: z.boolean('must be true or false').nullish(),
  discount_codes: z.array(z.object({ code: z.string('must be a string') }), 'must be a list').nullish(),
  line_items: z.array(lineItemSchema, 'must be a list'),
  shipping_address: addressSchema.nullish(),
  customer: customerSchema.nullish(),
  fulfillments: z.array(fulfillmentSchema, 'must be a list').nullish(),
});
export type ShopifyOrder = z.infer<typeof orderSchema>;

/** products/create|update. Prices are the variants', in the shop's currency (not in the payload). */
export const productSchema = z.object({
  id: platformIdSchema,
  title: z.string('is required').trim().min(1, 'is required'),
  /** active | draft | archived */
  status: optionalTextSchema,
  tags: optionalTextSchema,
  variants: z
    .array(
      z.object({
        price: amountSchema.nullish(),
        inventory_quantity: z.number('must be a number').nullish(),
        inventory_policy: optionalTextSchema,
      }),
      'must be a list',
    )
    .nullish(),
  image: z.object({ src: optionalTextSchema }).nullish(),
  images: z.array(z.object({ src: optionalTextSchema }), 'must be a list').nullish(),
});
export type ShopifyProduct = z.infer<typeof productSchema>;
