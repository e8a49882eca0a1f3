import { z } from 'zod';
import { CONSENT_PURPOSES, customerViewSchema, UNSUBSCRIBE_SCOPES } from './customers';
import { messageSummarySchema } from './messages';
import { orderViewSchema } from './orders';
import { shipmentSummarySchema } from './shipments';

/** How many of a customer's orders, shipments and messages one customer screen shows (the newest). */
export const CUSTOMER_DETAIL_LIMIT = 100;

export const consentChangeViewSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  state: z.enum(['granted', 'denied']),
  source: z.string(),
  at: z.string(),
});

export const unsubscribeViewSchema = z.object({ scope: z.enum(UNSUBSCRIBE_SCOPES), source: z.string(), at: z.string() });

/** `GET /api/v1/customers/:id`: the customer with its consents and their history, orders, shipments and messages. */
export const customerDetailSchema = customerViewSchema.extend({
  consentHistory: z.array(consentChangeViewSchema),
  unsubscribes: z.array(unsubscribeViewSchema),
  orders: z.array(orderViewSchema),
  shipments: z.array(shipmentSummarySchema),
  messages: z.array(messageSummarySchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;
