import type { ShipmentInput, UpsertOutcome } from '@postino/api-contract';
import type { ShipmentIntake } from '../tracking/shipment.repository';
import type { ShipmentRow } from '../tracking/shipment';
import type { CustomerRow } from '../customers/customer';

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

export interface ShipmentPlanContext {
  id: string;
  merchantId: string;
  trackingToken: string;
  now: Date;
  /** The customer the shipment's own e-mail names, if any. */
  customerId: string | null;
  orderIdOf: (number: string) => string | null;
  /** The customer of an order, for a shipment that names none of its own. */
  customerOfOrder: (orderId: string) => CustomerRow | null;
}

/**
 * A shipment without a customer of its own takes its order's: the link, and the contact fields its messages
 * are sent to (Shopify fulfillments, for one, carry no customer).
 */
export function withOrderCustomer(row: ShipmentIntake, customerOfOrder: ShipmentPlanContext['customerOfOrder']): ShipmentIntake {
  const customer = row.orderId && !row.customerId && !row.customerEmail ? customerOfOrder(row.orderId) : null;
  if (!customer) return row;
  return {
    ...row,
    customerId: customer.id,
    customerEmail: customer.email,
    customerPhone: customer.phone ?? customer.phoneRaw,
    customerName: customer.name,
    customerLocale: row.customerLocale ?? customer.locale,
    customerTimezone: row.customerTimezone ?? customer.timezone,
  };
}

/**
 * What writing `input` over `existing` (null: a new shipment) gives. What the shop leaves out keeps its stored
 * value (a fulfillment update rarely repeats the customer). The order is the one the order number names, when
 * Postino has it; otherwise the shipment waits for it (order_number kept, order_id null).
 */
export function planShipment(
  existing: ShipmentRow | null,
  { carrier, input }: { carrier: string; input: ShipmentInput },
  context: ShipmentPlanContext,
): { row: ShipmentIntake; outcome: UpsertOutcome } {
  const orderNumber = input.orderNumber ?? existing?.orderNumber ?? null;
  const destination = input.destination;
  const row: ShipmentIntake = withOrderCustomer({
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
  }, context.customerOfOrder);
  if (!existing) return { row, outcome: 'created' };
  const same = COMPARED.every((field) => row[field] === existing[field]);
  return { row, outcome: same ? 'unchanged' : 'updated' };
}
