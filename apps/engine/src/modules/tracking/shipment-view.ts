import { getCarrier } from '@postino/carriers';
import type { ShipmentSummary } from '@postino/api-contract';
import type { ShipmentListRow } from './shipment.repository';
import type { ShipmentRow, TrackingEventRow } from './shipment';

/** The public JSON shape of a shipment. */
export function shipmentView(s: ShipmentRow | ShipmentListRow, publicUrl: string) {
  return {
    id: s.id,
    trackingNumber: s.trackingNumber,
    carrier: s.carrier,
    carrierName: getCarrier(s.carrier)?.name ?? s.carrier,
    status: s.status,
    substatus: s.substatus,
    orderNumber: s.orderNumber,
    orderId: s.orderId,
    customerId: s.customerId,
    customer: {
      name: s.customerName,
      email: s.customerEmail,
      phone: s.customerPhone,
      locale: s.customerLocale,
      timezone: s.customerTimezone,
    },
    destination: s.destinationCountry
      ? { country: s.destinationCountry, postalCode: s.destinationPostalCode, city: s.destinationCity }
      : null,
    promisedDeliveryDate: s.promisedDeliveryDate,
    tags: s.tags,
    trackingPageUrl: `${publicUrl}/t/${s.trackingToken}`,
    lastEventAt: s.lastEventAt,
    ...('lastEvent' in s ? { lastEvent: s.lastEvent } : {}),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export function trackingEventView(e: TrackingEventRow) {
  return {
    id: e.id,
    code: e.code,
    description: e.description,
    occurredAt: e.occurredAt,
    location: e.location,
    status: e.status,
    substatus: e.substatus,
    mappedVia: e.mappedVia,
  };
}

/** A shipment as listed beside its order or customer. */
export function shipmentSummaryView(s: ShipmentRow, publicUrl: string): ShipmentSummary {
  return {
    id: s.id,
    trackingNumber: s.trackingNumber,
    carrier: s.carrier,
    status: s.status,
    substatus: s.substatus,
    orderNumber: s.orderNumber,
    orderId: s.orderId,
    customerId: s.customerId,
    tags: s.tags,
    trackingPageUrl: `${publicUrl}/t/${s.trackingToken}`,
    lastEventAt: s.lastEventAt ? new Date(s.lastEventAt).toISOString() : null,
    createdAt: new Date(s.createdAt).toISOString(),
  };
}
