import { STATUSES } from '@postino/status';
import { z } from 'zod';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// PostgreSQL refuses year 0000 (a 500 at INSERT, failing a whole batch of events), and no real shipment or
// scan is dated before the Unix epoch or after 9999: dates are accepted from 1970-01-01 to 9999-12-31, by
// the year as written (an offset may put the instant a few hours outside, which PostgreSQL stores fine).
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;
const YEAR_RANGE_MESSAGE = `must be in the years ${MIN_YEAR} to ${MAX_YEAR}`;
const inYearRange = (isoText: string) => {
  const year = Number(isoText.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

export const createShipmentRequestSchema = z.object({
  trackingNumber: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  carrier: z.string().trim().toLowerCase().min(1).max(50).optional(),
  orderNumber: z.string().trim().min(1).max(100).optional(),
  customer: z.object({
    email: z.string().trim().email('must be an e-mail address').max(320).optional(),
    phone: z.string().trim().max(40).optional(),
    name: z.string().trim().max(200).optional(),
    locale: z
      .string()
      .trim()
      .regex(/^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as es or es-ES')
      .optional(),
    timezone: z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid').optional(),
  }),
  destination: z
    .object({
      country: z
        .string()
        .trim()
        .regex(/^[a-zA-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
        .transform((c) => c.toUpperCase()),
      postalCode: z.string().trim().max(20).optional(),
      city: z.string().trim().max(100).optional(),
    })
    .optional(),
  promisedDeliveryDate: z.iso.date('must be a date such as 2026-12-24').refine(inYearRange, YEAR_RANGE_MESSAGE).optional(),
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
  occurredAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 time with offset, e.g. 2026-11-25T10:00:00Z' })
    .refine(inYearRange, YEAR_RANGE_MESSAGE),
  location: z.string().trim().max(200).optional(),
});
export type TrackingEventInput = z.infer<typeof trackingEventSchema>;
