import type { ShipmentInput, UpsertOutcome } from '@postino/api-contract';
import type { ShipmentIntake } from '../tracking/shipment.repository';
import type { ShipmentRow } from '../tracking/shipment';

const COMPARED = [
  'orderNumber',
  'orderId',
  'customerId',
  'customerEmail',
  'customerPhone',
  'customerName',
  'customerLocale',
  'customerTimezone',
  'destinationCountry',
  'destinationPostalCode',
  'destinationCity',
  'promisedDeliveryDate',
] as const;

/**
 * What writing `input` over `existing` (null: a new shipment) gives. What the shop leaves out keeps its stored
 * value (a fulfillment update rarely repeats the customer). The order is the one the order number names, when
 * Postino has it; otherwise the shipment waits for it (order_number kept, order_id null).
 */
export function planShipment(
  existing: ShipmentRow | null,
  { carrier, input }: { carrier: string; input: ShipmentInput },
  context: { id: string; merchantId: string; trackingToken: string; now: Date; customerId: string | null; orderIdOf: (number: string) => string | null },
): { row: ShipmentIntake; outcome: UpsertOutcome } {
  const orderNumber = input.orderNumber ?? existing?.orderNumber ?? null;
  const destination = input.destination;
  const row: ShipmentIntake = {
    id: existing?.id ?? context.id,
    merchantId: context.merchantId,
    trackingNumber: input.trackingNumber,
    carrier,
    orderNumber,
    orderId: orderNumber ? (context.orderIdOf(orderNumber) ?? (orderNumber === existing?.orderNumber ? existing.orderId : null)) : null,
    customerId: context.customerId ?? existing?.customerId ?? null,
    customerEmail: input.customer?.email ?? existing?.customerEmail ?? null,
    customerPhone: input.customer?.phone ?? existing?.customerPhone ?? null,
    customerName: input.customer?.name ?? existing?.customerName ?? null,
    customerLocale: input.customer?.locale ?? existing?.customerLocale ?? null,
    customerTimezone: input.customer?.timezone ?? existing?.customerTimezone ?? null,
    destinationCountry: destination ? destination.country : (existing?.destinationCountry ?? null),
    destinationPostalCode: destination ? (destination.postalCode ?? null) : (existing?.destinationPostalCode ?? null),
    destinationCity: destination ? (destination.city ?? null) : (existing?.destinationCity ?? null),
    promisedDeliveryDate: input.promisedDeliveryDate ?? existing?.promisedDeliveryDate ?? null,
    trackingToken: existing?.trackingToken ?? context.trackingToken,
    createdAt: existing?.createdAt ?? context.now,
  };
  if (!existing) return { row, outcome: 'created' };
  const same = COMPARED.every((field) => row[field] === existing[field]);
  return { row, outcome: same ? 'unchanged' : 'updated' };
}
