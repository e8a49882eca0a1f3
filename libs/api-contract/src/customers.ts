import { z } from 'zod';
import { countrySchema, dateTimeSchema, emailSchema, localeSchema, sourceSchema, tagsSchema, textSchema, timeZoneSchema } from './fields';

/**
 * A customer has two consents, each with a state, the source that recorded it and when:
 * - transactional (shipment updates): granted by default with the customer's first order or shipment, withdrawable;
 * - marketing: opt-in only, never granted by default.
 * `none` means nothing was ever recorded. An unsubscribe withdraws marketing, or both ("all"), at once.
 */
export const CONSENT_PURPOSES = ['transactional', 'marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_STATES = ['granted', 'denied', 'none'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const UNSUBSCRIBE_SCOPES = ['marketing', 'all'] as const;
export type UnsubscribeScope = (typeof UNSUBSCRIBE_SCOPES)[number];

const decidedStateSchema = z.enum(['granted', 'denied'], 'must be granted or denied');

/** A consent as a shop reports it (e.g. the checkout box); a declaration older than the recorded one is ignored. */
export const consentDeclarationSchema = z.object({
  state: decidedStateSchema,
  source: sourceSchema.optional(),
  at: dateTimeSchema.optional(),
});
export type ConsentDeclaration = z.infer<typeof consentDeclarationSchema>;

/** A customer as a shop sends it. The e-mail identifies it within the merchant (case-insensitive). */
export const customerInputSchema = z.object({
  email: emailSchema,
  externalId: textSchema(100).min(1, 'must not be blank').optional(),
  phone: textSchema(40).optional(),
  name: textSchema(200).optional(),
  firstName: textSchema(100).optional(),
  locale: localeSchema.optional(),
  timezone: timeZoneSchema.optional(),
  country: countrySchema.optional(),
  tags: tagsSchema.optional(),
  consents: z
    .object({ transactional: consentDeclarationSchema.optional(), marketing: consentDeclarationSchema.optional() })
    .optional(),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

const consentChangeSchema = z.object({ state: decidedStateSchema, source: sourceSchema });

export const updateConsentsRequestSchema = z
  .object({ transactional: consentChangeSchema.optional(), marketing: consentChangeSchema.optional() })
  .refine((body) => body.transactional || body.marketing, 'must change transactional, marketing or both');
export type UpdateConsentsRequest = z.infer<typeof updateConsentsRequestSchema>;

export const unsubscribeRequestSchema = z.object({
  scope: z.enum(UNSUBSCRIBE_SCOPES, 'must be marketing or all'),
  /** Defaults to studio for a studio user, api for an API key. */
  source: sourceSchema.optional(),
});
export type UnsubscribeRequest = z.infer<typeof unsubscribeRequestSchema>;

export const listCustomersQuerySchema = z.object({
  /** Part of the e-mail, name or phone number. */
  q: textSchema(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListCustomersQuery = z.infer<typeof listCustomersQuerySchema>;

export const consentViewSchema = z.object({
  state: z.enum(CONSENT_STATES),
  source: z.string().nullable(),
  at: z.string().nullable(),
});

export const customerViewSchema = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  externalId: z.string().nullable(),
  /** E.164 when the number could be parsed. */
  phone: z.string().nullable(),
  /** As the shop sent it. */
  phoneRaw: z.string().nullable(),
  name: z.string().nullable(),
  firstName: z.string().nullable(),
  locale: z.string().nullable(),
  timezone: z.string().nullable(),
  country: z.string().nullable(),
  tags: z.array(z.string()),
  consents: z.object({ transactional: consentViewSchema, marketing: consentViewSchema }),
  /** Set when the customer's personal data was erased: the row stays so counts hold. */
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerView = z.infer<typeof customerViewSchema>;

export const customerPageSchema = z.object({ items: z.array(customerViewSchema), nextCursor: z.string().nullable() });

export const consentsViewSchema = z.object({ transactional: consentViewSchema, marketing: consentViewSchema });
