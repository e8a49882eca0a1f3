import { z } from 'zod';
import { textSchema } from './fields';
import { currencySchema } from './money';

/** Shop platforms whose signed webhooks Postino receives, one hook URL per integration. */
export const SHOP_PLATFORMS = ['shopify', 'woocommerce'] as const;
export type ShopPlatform = (typeof SHOP_PLATFORMS)[number];

/** What became of a delivery: its data written, nothing to do (unknown topic), a replay, or refused (4xx). */
export const DELIVERY_RESULTS = ['applied', 'ignored', 'duplicate', 'failed'] as const;
export type DeliveryResult = (typeof DELIVERY_RESULTS)[number];

/**
 * A webhook signing secret. Shopify generates its own (the key shown under Settings → Notifications →
 * Webhooks, or the app's client secret): paste it here. WooCommerce lets you type one: leave it out and
 * Postino generates one to paste there.
 */
const secretSchema = z
  .string('must be a string')
  .trim()
  .min(16, 'must be at least 16 characters')
  .max(500, 'must be at most 500 characters');

export const createIntegrationRequestSchema = z.object({
  platform: z.enum(SHOP_PLATFORMS, `must be one of ${SHOP_PLATFORMS.join(', ')}`),
  name: textSchema(100).min(1, 'is required'),
  secret: secretSchema.optional(),
  /** The shop's currency: product webhooks carry prices without one (Shopify, WooCommerce); without it, prices are left out. */
  currency: currencySchema.optional(),
});
export type CreateIntegrationRequest = z.infer<typeof createIntegrationRequestSchema>;

/** A new secret: the one given (after rotating it in Shopify), or a generated one. */
export const rotateIntegrationSecretRequestSchema = z.object({ secret: secretSchema.optional() });
export type RotateIntegrationSecretRequest = z.infer<typeof rotateIntegrationSecretRequestSchema>;

const count = z.number().int().min(0);

/** An integration as listed: never its secret. */
export const integrationViewSchema = z.object({
  id: z.uuid(),
  platform: z.enum(SHOP_PLATFORMS),
  name: z.string(),
  currency: z.string().nullable(),
  /** The URL to paste into the shop's webhook settings. */
  hookUrl: z.string(),
  createdAt: z.string(),
  secretRotatedAt: z.string().nullable(),
  lastDelivery: z
    .object({
      at: z.string(),
      topic: z.string().nullable(),
      /** The HTTP status Postino answered. */
      status: z.number().int(),
      result: z.enum(DELIVERY_RESULTS),
      /** Why it was ignored or refused, or what was left out (e.g. a shipment of an unsupported carrier). */
      detail: z.string().nullable(),
    })
    .nullable(),
  /** Deliveries with a valid signature; of them, those ignored and those refused. */
  counts: z.object({ received: count, ignored: count, failed: count }),
});
export type IntegrationView = z.infer<typeof integrationViewSchema>;

export const integrationListSchema = z.object({ items: z.array(integrationViewSchema) });

/** The answer of create and rotate: the only time the secret is shown. */
export const integrationWithSecretSchema = integrationViewSchema.extend({ secret: z.string() });

/** What a hook answers to a delivery it accepted (200). */
export const hookAnswerSchema = z.object({
  outcome: z.enum(['applied', 'ignored', 'duplicate', 'ping']),
  detail: z.string().nullable(),
});
export type HookAnswer = z.infer<typeof hookAnswerSchema>;
