import { getCarrier } from '@postino/carriers';
import { resolveLocale, statusLabel, substatusLabel } from '@postino/status';
import type { TemplateVariables } from '@postino/templating';
import type { ShipmentRow, TrackingEventRow } from '../../../tracking/shipment';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one: one per locale and time zone, kept. */
function formatterFor(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      formatter = formatterFor(locale, 'UTC');
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function formatForRecipient(at: Date, locale: string, timeZone: string): string {
  return formatterFor(locale, timeZone).format(at);
}

/**
 * The shipment's tracking page: `/t/` and a 32-character token, about 60 characters with the host — as short as
 * a link shortener's, so e-mails and SMS print it as it is.
 */
export function trackingPageUrl(publicUrl: string, trackingToken: string): string {
  return `${publicUrl}/t/${trackingToken}`;
}

/** The merge variables of one message, e-mail or SMS: labels in the recipient's language, times in their time zone. */
export function buildTemplateVariables(input: {
  shipment: ShipmentRow;
  lastEvent: TrackingEventRow | null;
  merchantName: string;
  trackingUrl: string;
}): TemplateVariables {
  const { shipment, lastEvent } = input;
  const locale = resolveLocale(shipment.customerLocale);
  const [firstName, ...rest] = (shipment.customerName ?? '').trim().split(/\s+/).filter(Boolean);
  return {
    customer: {
      name: shipment.customerName,
      first_name: firstName ?? null,
      last_name: rest.length > 0 ? rest.join(' ') : null,
      email: shipment.customerEmail ?? '',
    },
    shipment: {
      tracking_number: shipment.trackingNumber,
      carrier: shipment.carrier,
      carrier_name: getCarrier(shipment.carrier)?.name ?? shipment.carrier,
      status: shipment.status,
      status_label: statusLabel(shipment.status, locale),
      substatus: shipment.substatus,
      substatus_label: shipment.substatus ? substatusLabel(shipment.substatus, locale) : null,
      order_number: shipment.orderNumber,
      last_event: lastEvent
        ? {
            description: lastEvent.description ?? statusLabel(lastEvent.status ?? shipment.status, locale),
            location: lastEvent.location,
            occurred_at: formatForRecipient(new Date(lastEvent.occurredAt), locale, shipment.customerTimezone ?? 'UTC'),
          }
        : null,
    },
    tracking_url: input.trackingUrl,
    merchant: { name: input.merchantName },
  };
}
