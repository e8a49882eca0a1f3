import type { CarrierDefinition } from '../carrier-definition';

const TRACK_API = 'fedex-track-api';
const TRACK_SERVICE_GUIDE = 'fedex-track-service-guide';
const KARRIO = 'karrio-fedex';

/**
 * FedEx Track API status/scan event codes (`latestStatusDetail.code`, `scanEvents[].derivedStatusCode`).
 * The same two-letter codes are listed in the Web Services Track Service guide; karrio's mapping was
 * used to cross-check the status each code is given.
 */
export const fedex: CarrierDefinition = {
  slug: 'fedex',
  name: 'FedEx',
  countries: ['*'],
  trackingUrlTemplate: 'https://www.fedex.com/fedextrack/?trknbr={trackingNumber}',
  nativeFormat: 'fedex-track-webhook',
  // Scanned at every hub and on each linehaul, at least daily while moving.
  stallAfterHours: 48,
  sources: [
    {
      id: TRACK_API,
      title: 'FedEx Developer Portal — API reference: tracking status codes',
      url: 'https://developer.fedex.com/api/en-us/guides/api-reference.html#trackingstatuscodes',
    },
    {
      id: TRACK_SERVICE_GUIDE,
      title: 'FedEx Web Services — Track Service WSDL guide (2020), track status codes',
      url: 'https://www.fedex.com/us/developer/webhelp/ws/2020/Docs/FedEx_WebServices_TrackService_WSDLGuide_v2020.pdf',
    },
    {
      id: KARRIO,
      title: 'karrio FedEx connector — TrackingStatus mapping (public SDK)',
      url: 'https://github.com/karrioapi/karrio/blob/main/modules/connectors/fedex/karrio/providers/fedex/units.py',
    },
  ],
  codes: {
    OC: { status: 'info_received', substatus: 'label_created', description: 'Order created (shipment information sent to FedEx)', source: TRACK_API },
    EP: { status: 'info_received', description: 'Enroute to pickup', source: TRACK_SERVICE_GUIDE },
    AP: { status: 'info_received', description: 'At pickup', source: TRACK_SERVICE_GUIDE },
    PD: { status: 'info_received', substatus: 'delayed', description: 'Pickup delay', source: TRACK_SERVICE_GUIDE },
    PU: { status: 'in_transit', substatus: 'picked_up', description: 'Picked up', source: TRACK_API },
    PX: { status: 'in_transit', substatus: 'picked_up', description: 'Picked up (see details)', source: TRACK_SERVICE_GUIDE },
    OF: { status: 'in_transit', substatus: 'arrived_at_facility', description: 'At FedEx origin facility', source: TRACK_SERVICE_GUIDE },
    AR: { status: 'in_transit', substatus: 'arrived_at_facility', description: 'Arrived at FedEx location', source: TRACK_API },
    AF: { status: 'in_transit', substatus: 'arrived_at_facility', description: 'At FedEx facility', source: TRACK_SERVICE_GUIDE },
    SF: { status: 'in_transit', substatus: 'arrived_at_facility', description: 'At sort facility', source: TRACK_SERVICE_GUIDE },
    FD: { status: 'in_transit', substatus: 'arrived_at_facility', description: 'At FedEx destination facility', source: TRACK_SERVICE_GUIDE },
    DP: { status: 'in_transit', substatus: 'departed_facility', description: 'Departed FedEx location', source: TRACK_API },
    LO: { status: 'in_transit', substatus: 'departed_facility', description: 'Left FedEx origin facility', source: TRACK_SERVICE_GUIDE },
    IT: { status: 'in_transit', description: 'In transit', source: TRACK_API },
    IX: { status: 'in_transit', description: 'In transit (see details)', source: TRACK_SERVICE_GUIDE },
    AA: { status: 'in_transit', description: 'At airport', source: TRACK_SERVICE_GUIDE },
    EA: { status: 'in_transit', description: 'Enroute to airport', source: TRACK_SERVICE_GUIDE },
    EO: { status: 'in_transit', description: 'Enroute to origin airport', source: TRACK_SERVICE_GUIDE },
    PF: { status: 'in_transit', description: 'Plane in flight', source: TRACK_SERVICE_GUIDE },
    PL: { status: 'in_transit', description: 'Plane landed', source: TRACK_SERVICE_GUIDE },
    TR: { status: 'in_transit', description: 'Transfer', source: TRACK_SERVICE_GUIDE },
    AX: { status: 'in_transit', description: 'At USPS facility', source: TRACK_SERVICE_GUIDE },
    OX: { status: 'in_transit', description: 'Shipment information sent to USPS', source: TRACK_SERVICE_GUIDE },
    CP: { status: 'in_transit', substatus: 'customs_processing', description: 'Clearance in progress', source: TRACK_SERVICE_GUIDE },
    CC: { status: 'in_transit', substatus: 'customs_cleared', description: 'Cleared customs', source: TRACK_SERVICE_GUIDE },
    CD: { status: 'exception', substatus: 'customs_hold', description: 'Clearance delay', source: TRACK_SERVICE_GUIDE },
    DY: { status: 'in_transit', substatus: 'delayed', description: 'Delay', source: KARRIO },
    DD: { status: 'in_transit', substatus: 'delayed', description: 'Delivery delay', source: KARRIO },
    ED: { status: 'out_for_delivery', description: 'Enroute to delivery', source: KARRIO },
    AD: { status: 'out_for_delivery', description: 'At delivery', source: KARRIO },
    OD: { status: 'out_for_delivery', description: 'On FedEx vehicle for delivery', source: TRACK_API },
    HL: { status: 'available_for_pickup', description: 'Hold at location: ready for recipient pickup', source: KARRIO },
    HP: { status: 'available_for_pickup', description: 'Ready for recipient pickup', source: TRACK_API, unverified: true },
    DL: { status: 'delivered', description: 'Delivered', source: TRACK_API },
    DE: { status: 'exception', description: 'Delivery exception', source: KARRIO },
    SE: { status: 'exception', description: 'Shipment exception', source: KARRIO },
    CA: { status: 'exception', substatus: 'cancelled', description: 'Shipment cancelled', source: TRACK_SERVICE_GUIDE },
    RS: { status: 'returned', substatus: 'returning_to_sender', description: 'Return to shipper', source: TRACK_SERVICE_GUIDE },
    CH: { status: null, description: 'Location changed', source: TRACK_SERVICE_GUIDE },
    SP: { status: null, description: 'Split status: pieces of the shipment have different statuses', source: TRACK_SERVICE_GUIDE },
  },
};
