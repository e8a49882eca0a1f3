import { createIntegrationRequestSchema, rotateIntegrationSecretRequestSchema } from '@postino/api-contract';
import { z } from 'zod';

const blankAsAbsent = <T extends z.ZodType>(schema: T) => z.union([z.literal('').transform(() => undefined), schema]);
const fields = createIntegrationRequestSchema.shape;

/**
 * The new-integration form, in the API's words; an empty optional field is left out. Shopify signs with a key
 * of its own, so a Shopify integration needs it pasted: a secret Postino generates would never verify.
 */
export const integrationFormSchema = z
  .object({
    platform: fields.platform,
    name: fields.name,
    secret: blankAsAbsent(fields.secret.unwrap()),
    currency: blankAsAbsent(fields.currency.unwrap()),
  })
  .refine((values) => values.platform !== 'shopify' || values.secret !== undefined, {
    path: ['secret'],
    message: 'is required for Shopify: paste the key Shopify signs its webhooks with',
  });
export type IntegrationFormInput = z.input<typeof integrationFormSchema>;

/** Rotation: the new secret from the shop (Shopify), or empty for Postino to generate one. */
export const rotateSecretFormSchema = z.object({
  secret: blankAsAbsent(rotateIntegrationSecretRequestSchema.shape.secret.unwrap()),
});
