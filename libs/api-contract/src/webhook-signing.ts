import { z } from 'zod';

/** Whether the shop has a webhook signing secret, and since when; the secret itself is never listed. */
export const webhookSigningStatusSchema = z.object({
  configured: z.boolean(),
  createdAt: z.string().nullable(),
  rotatedAt: z.string().nullable(),
});
export type WebhookSigningStatus = z.infer<typeof webhookSigningStatusSchema>;

/** The answer of a rotation: the new secret, shown this once. Deliveries are signed with it from now on. */
export const webhookSigningSecretSchema = webhookSigningStatusSchema.extend({ secret: z.string() });
export type WebhookSigningSecret = z.infer<typeof webhookSigningSecretSchema>;
