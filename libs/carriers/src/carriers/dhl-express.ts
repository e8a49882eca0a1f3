import type { CarrierDefinition } from '../carrier-definition';

const MYDHL_API = 'mydhl-api';
const TRACKING_STATUS_GUIDE = 'dhl-express-tracking-status';
const KARRIO = 'karrio-dhl-express';

/**
 * DHL Express checkpoint (event) codes, as returned in `events[].typeCode` by the MyDHL API
 * and pushed by DHL Express shipment tracking. karrio's mapping was used to cross-check statuses.
 */
export const dhlExpress: CarrierDefinition = {
  slug: 'dhl-express',
  name: 'DHL Express',
  countries: ['*'],
  trackingUrlTemplate:
    'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={trackingNumber}',
  nativeFormat: 'dhl-express-push-tracking',
  // Express: scanned at every hub, usually several times a day.
  stallAfterHours: 48,
  sources: [
    {
      id: MYDHL_API,
      title: 'DHL Express — MyDHL API reference (shipment tracking events)',
      url: 'https://developer.dhl.com/api-reference/dhl-express-mydhl-api',
    },
    {
      id: TRACKING_STATUS_GUIDE,
      title: 'DHL Express — Tracking status explained: what they mean and what to do',
      url: 'https://www.dhl.com/discover/en-my/ship-with-dhl/track/tracking-status',
    },
    {
      id: KARRIO,
      title: 'karrio DHL Express connector — TrackingStatus mapping (public SDK)',
      url: 'https://github.com/karrioapi/karrio/blob/main/modules/connectors/dhl_express/karrio/providers/dhl_express/units.py',
    },
  ],
  codes: {
    PU: { status: 'in_transit', substatus: 'picked_up', description: 'Shipment picked up', source: MYDHL_API },
    SA: { status: 'in_transit', substatus: 'picked_up', description: 'Shipment acceptance', source: MYDHL_API, unverified: true },
    PL: { status: 'in_transit', description: 'Processed at a DHL facility', source: MYDHL_API },
    AF: { status: 'in_transit', substatus: 'arrived_at_facility', description: 'Arrived at DHL sort facility', source: MYDHL_API },
    DF: { status: 'in_transit', substatus: 'departed_facility', description: 'Shipment has departed from a DHL facility', source: MYDHL_API },
    AR: { status: 'in_transit', substatus: 'arrived_at_facility', description: 'Arrived at DHL delivery facility', source: MYDHL_API },
    TR: { status: 'in_transit', description: 'Record of transfer', source: KARRIO, unverified: true },
    FD: { status: 'in_transit', description: 'Forwarded for delivery', source: MYDHL_API, unverified: true },
    TP: { status: 'in_transit', description: 'Forwarded to a third party for delivery', source: MYDHL_API, unverified: true },
    MS: { status: 'in_transit', substatus: 'misrouted', description: 'Mis-sorted', source: KARRIO },
    MC: { status: 'in_transit', substatus: 'misrouted', description: 'Miscode', source: MYDHL_API, unverified: true },
    RR: { status: 'in_transit', substatus: 'customs_processing', description: 'Customs clearance status updated', source: MYDHL_API },
    IC: { status: 'in_transit', substatus: 'customs_processing', description: 'In clearance processing', source: MYDHL_API, unverified: true },
    BN: { status: 'in_transit', substatus: 'customs_processing', description: 'Customer broker notified to arrange clearance', source: MYDHL_API, unverified: true },
    CR: { status: 'in_transit', substatus: 'customs_cleared', description: 'Clearance processing complete', source: MYDHL_API },
    BR: { status: 'in_transit', substatus: 'customs_cleared', description: 'Broker release', source: MYDHL_API, unverified: true },
    CD: { status: 'exception', substatus: 'customs_hold', description: 'Clearance delay', source: KARRIO },
    HP: { status: 'exception', substatus: 'payment_required', description: 'Held for payment of duties and taxes', source: KARRIO, unverified: true },
    TD: { status: 'in_transit', substatus: 'delayed', description: 'Transport delay', source: KARRIO, unverified: true },
    MD: { status: 'in_transit', substatus: 'delayed', description: 'Missed delivery cycle', source: KARRIO, unverified: true },
    UD: { status: 'in_transit', substatus: 'delayed', description: 'Unexpected delay', source: KARRIO, unverified: true },
    WC: { status: 'out_for_delivery', description: 'With delivery courier', source: MYDHL_API },
    CC: { status: 'available_for_pickup', description: 'Awaiting collection by recipient as requested', source: MYDHL_API, unverified: true },
    OK: { status: 'delivered', substatus: 'signed_for', description: 'Delivered — signed for', source: MYDHL_API },
    DD: { status: 'delivered', substatus: 'damaged', description: 'Delivered damaged', source: MYDHL_API, unverified: true },
    NH: { status: 'failed_attempt', substatus: 'recipient_unavailable', description: 'Not home', source: MYDHL_API },
    CA: { status: 'failed_attempt', substatus: 'business_closed', description: 'Closed on arrival', source: MYDHL_API, unverified: true },
    ND: { status: 'failed_attempt', description: 'Not delivered', source: MYDHL_API, unverified: true },
    BA: { status: 'exception', substatus: 'address_issue', description: 'Bad address: address information needed', source: KARRIO, unverified: true },
    CM: { status: 'exception', substatus: 'address_issue', description: 'Customer moved', source: KARRIO, unverified: true },
    RD: { status: 'exception', substatus: 'refused', description: 'Refused delivery', source: KARRIO, unverified: true },
    DM: { status: 'exception', substatus: 'damaged', description: 'Damaged', source: KARRIO, unverified: true },
    OH: { status: 'exception', substatus: 'held_at_depot', description: 'Shipment on hold', source: TRACKING_STATUS_GUIDE },
    SS: { status: 'exception', description: 'Shipment stopped', source: KARRIO, unverified: true },
    ST: { status: 'exception', description: 'Shipment intercepted', source: KARRIO, unverified: true },
    RT: { status: 'returned', substatus: 'returning_to_sender', description: 'Returned to shipper', source: MYDHL_API },
  },
};
