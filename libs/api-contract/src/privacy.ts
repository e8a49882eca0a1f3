import { z } from 'zod';
import { consentChangeViewSchema, unsubscribeViewSchema } from './customer-detail';
import { customerViewSchema } from './customers';
import { MESSAGE_STATES } from './messages';
import { orderViewSchema } from './orders';
import { shipmentSummarySchema } from './shipments';

export const PRIVACY_ACTIONS = ['export', 'erase'] as const;

export const privacyAuditViewSchema = z.object({
  action: z.enum(PRIVACY_ACTIONS),
  actorKind: z.enum(['user', 'api_key']),
  actorId: z.uuid(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});

/** `GET /api/v1/customers/:id/export`: everything Postino holds about one customer. */
export const customerExportSchema = z.object({
  exportedAt: z.string(),
  customer: customerViewSchema,
  consentHistory: z.array(consentChangeViewSchema),
  unsubscribes: z.array(unsubscribeViewSchema),
  orders: z.array(orderViewSchema),
  shipments: z.array(
    shipmentSummarySchema.extend({
      contact: z.object({
        email: z.string().nullable(),
        phone: z.string().nullable(),
        name: z.string().nullable(),
        locale: z.string().nullable(),
        timezone: z.string().nullable(),
      }),
      destination: z.object({ country: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable() }),
      events: z.array(
        z.object({ code: z.string(), description: z.string().nullable(), location: z.string().nullable(), occurredAt: z.string(), status: z.string().nullable() }),
      ),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.uuid(),
      shipmentId: z.uuid(),
      channel: z.string(),
      recipient: z.string(),
      subject: z.string().nullable(),
      state: z.enum(MESSAGE_STATES),
      sentAt: z.string().nullable(),
      createdAt: z.string(),
      history: z.array(z.object({ state: z.string(), detail: z.string().nullable(), at: z.string() })),
    }),
  ),
  /** What the local SMTP capture received for these messages (development and demo setups). */
  capturedEmails: z.array(
    z.object({ receivedAt: z.string(), to: z.string().nullable(), subject: z.string().nullable(), messageId: z.string().nullable() }),
  ),
  /** What the local SMS capture received for these messages. */
  capturedSms: z.array(z.object({ receivedAt: z.string(), to: z.string(), text: z.string(), messageId: z.string().nullable() })),
  privacyAudit: z.array(privacyAuditViewSchema),
});
export type CustomerExport = z.infer<typeof customerExportSchema>;

/** `POST /api/v1/customers/:id/erase`: what was erased. Rows stay (anonymized) so counts and aggregates hold. */
export const customerErasureSchema = z.object({
  customerId: z.uuid(),
  erasedAt: z.string(),
  erased: z.object({
    orders: z.number().int(),
    shipments: z.number().int(),
    messages: z.number().int(),
    capturedEmails: z.number().int(),
    capturedSms: z.number().int(),
  }),
});
export type CustomerErasure = z.infer<typeof customerErasureSchema>;
