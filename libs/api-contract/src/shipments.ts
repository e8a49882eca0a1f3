import { STATUSES } from '@postino/status';
import { z } from 'zod';
import { countrySchema, dateSchema, dateTimeSchema, emailSchema, localeSchema, timeZoneSchema } from './fields';

export const createShipmentRequestSchema = z.object({
  trackingNumber: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  carrier: z.string().trim().toLowerCase().min(1).max(50).optional(),
  orderNumber: z.string().trim().min(1).max(100).optional(),
  customer: z.object({
    email: emailSchema.optional(),
    phone: z.string().trim().max(40).optional(),
    name: z.string().trim().max(200).optional(),
    locale: localeSchema.optional(),
    timezone: timeZoneSchema.optional(),
  }),
  destination: z
    .object({
      country: countrySchema,
      postalCode: z.string().trim().max(20).optional(),
      city: z.string().trim().max(100).optional(),
    })
    .optional(),
  promisedDeliveryDate: dateSchema.optional(),
});
export type CreateShipmentRequest = z.infer<typeof createShipmentRequestSchema>;

export const listShipmentsQuerySchema = z.object({
  status: z.enum(STATUSES, `must be one of ${STATUSES.join(', ')}`).optional(),
  carrier: z.string().trim().toLowerCase().max(50).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListShipmentsQuery = z.infer<typeof listShipmentsQuerySchema>;

export const MAX_TRACKING_EVENTS_PER_CALL = 1000;

/** The envelope is refused whole when malformed; each event is judged on its own (see `rejected`). */
export const trackingEventsRequestSchema = z.object({
  events: z
    .array(z.unknown())
    .min(1, 'must hold at least one event')
    .max(MAX_TRACKING_EVENTS_PER_CALL, `must hold at most ${MAX_TRACKING_EVENTS_PER_CALL} events`),
});

export const trackingEventSchema = z.object({
  carrier: z.string().trim().toLowerCase().min(1, 'is required').max(50),
  trackingNumber: z.string().trim().min(1, 'is required').max(100),
  code: z.string().trim().min(1, 'is required').max(50),
  description: z.string().trim().max(1000).optional(),
  occurredAt: dateTimeSchema,
  location: z.string().trim().max(200).optional(),
});
export type TrackingEventInput = z.infer<typeof trackingEventSchema>;

/** A shipment as listed beside its order or customer. */
export const shipmentSummarySchema = z.object({
  id: z.uuid(),
  trackingNumber: z.string(),
  carrier: z.string(),
  status: z.enum(STATUSES),
  substatus: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  /** Given by the shop's flows (tag nodes), lower case. */
  tags: z.array(z.string()),
  trackingPageUrl: z.string(),
  lastEventAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ShipmentSummary = z.infer<typeof shipmentSummarySchema>;
