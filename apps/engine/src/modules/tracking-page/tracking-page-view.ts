import { carrierTrackingUrl, getCarrier } from '@postino/carriers';
import {
  type Locale,
  localeSchema,
  resolveLocale,
  type Status,
  statusSchema,
  type Substatus,
  substatusSchema,
} from '@postino/status';
import type { TrackedEventRecord, TrackedShipmentRecord } from './tracking-page.repository';

/** Everything a tracking page renderer needs, already checked and resolved; renderers only format and escape. */
export interface TrackingPageView {
  locale: Locale;
  /** A valid IANA timezone for the customer's times. */
  timeZone: string;
  merchantName: string;
  status: Status;
  substatus: Substatus | null;
  carrierName: string;
  trackingNumber: string;
  /** The carrier's own tracking page (http or https only), or null when there is none. */
  carrierTrackingUrl: string | null;
  orderNumber: string | null;
  /** `YYYY-MM-DD`. */
  promisedDeliveryDate: string | null;
  lastUpdateAt: Date | null;
  /** Newest first. */
  events: TrackingPageEvent[];
}

export interface TrackingPageEvent {
  occurredAt: Date;
  status: Status | null;
  description: string | null;
  location: string | null;
}

/**
 * The first candidate whose language the page speaks, e.g. (`?lang=`, the customer's locale, the browser's);
 * English when none does. An unsupported `?lang=xx` falls through instead of forcing English.
 */
export function chooseLocale(...candidates: (string | null | undefined)[]): Locale {
  const supported = candidates.find(
    (candidate) => localeSchema.safeParse((candidate ?? '').trim().toLowerCase().split(/[-_]/)[0]).success,
  );
  return resolveLocale(supported);
}

/** The customer's timezone when Intl knows it, else UTC. */
export function resolveTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

function httpUrlOrNull(url: string | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function calendarDateOrNull(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function buildTrackingPageView(
  shipment: TrackedShipmentRecord,
  events: readonly TrackedEventRecord[],
  locale: Locale,
): TrackingPageView {
  const status = statusSchema.safeParse(shipment.status);
  const substatus = substatusSchema.safeParse(shipment.substatus);
  return {
    locale,
    timeZone: resolveTimeZone(shipment.customerTimezone),
    merchantName: shipment.merchantName,
    status: status.success ? status.data : 'pending',
    substatus: substatus.success ? substatus.data : null,
    carrierName: getCarrier(shipment.carrier)?.name ?? shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    carrierTrackingUrl: httpUrlOrNull(carrierTrackingUrl(shipment.carrier, shipment.trackingNumber)),
    orderNumber: shipment.orderNumber,
    promisedDeliveryDate: calendarDateOrNull(shipment.promisedDeliveryDate),
    lastUpdateAt: shipment.lastEventAt ?? events[0]?.occurredAt ?? null,
    events: events.map((event) => {
      const eventStatus = statusSchema.safeParse(event.status);
      return {
        occurredAt: event.occurredAt,
        status: eventStatus.success ? eventStatus.data : null,
        description: event.description,
        location: event.location,
      };
    }),
  };
}
