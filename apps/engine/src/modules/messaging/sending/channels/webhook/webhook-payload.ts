import type { ClaimedMessage } from '../../../message.repository';
import type { ShipmentRow, TrackingEventRow } from '../../../../tracking/shipment';

/** The JSON a webhook node POSTs: the shipment as it is when the delivery leaves, and what the run is. */
export function webhookPayload(input: {
  message: ClaimedMessage;
  shipment: ShipmentRow;
  lastEvent: TrackingEventRow | null;
  trackingPageUrl: string;
}) {
  const { message, shipment, lastEvent } = input;
  return {
    id: message.messageId,
    type: 'flow.webhook',
    merchant: { id: message.merchantId, name: message.merchantName },
    flow: { versionId: message.flowVersionId, nodeId: message.nodeId },
    event: message.event,
    shipment: {
      id: shipment.id,
      trackingNumber: shipment.trackingNumber,
      carrier: shipment.carrier,
      status: shipment.status,
      substatus: shipment.substatus,
      orderNumber: shipment.orderNumber,
      customer: { email: shipment.customerEmail, phone: shipment.customerPhone, name: shipment.customerName },
      destination: shipment.destinationCountry
        ? { country: shipment.destinationCountry, postalCode: shipment.destinationPostalCode, city: shipment.destinationCity }
        : null,
      tags: shipment.tags,
      trackingPageUrl: input.trackingPageUrl,
      lastEvent: lastEvent ? { code: lastEvent.code, description: lastEvent.description, occurredAt: lastEvent.occurredAt, location: lastEvent.location } : null,
    },
  };
}
