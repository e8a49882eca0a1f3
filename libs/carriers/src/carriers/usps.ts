import type { CarrierDefinition } from '../carrier-definition';

const TRACK_CONFIRM = 'usps-track-confirm-api';
const TRACKING_API = 'usps-tracking-api-v3';

/**
 * USPS tracking event codes (`EventCode` in Web Tools Track/Confirm, `eventCode` in the USPS
 * Tracking API v3). Codes 21–31 are the reasons given with a return to sender.
 */
export const usps: CarrierDefinition = {
  slug: 'usps',
  name: 'USPS',
  // The United States, its territories, and the Freely Associated States served as domestic mail.
  countries: ['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'FM', 'MH', 'PW'],
  trackingUrlTemplate: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={trackingNumber}',
  nativeFormat: 'usps-tracking-subscription',
  // Ground mail may go two days between scans (weekends, no Sunday processing).
  stallAfterHours: 96,
  sources: [
    {
      id: TRACK_CONFIRM,
      title: 'USPS Web Tools — Track and Confirm API, tracking event codes',
      url: 'https://www.usps.com/business/web-tools-apis/track-and-confirm-api.htm',
    },
    {
      id: TRACKING_API,
      title: 'USPS APIs — Tracking 3.0',
      url: 'https://developers.usps.com/trackingv3',
    },
  ],
  codes: {
    MA: { status: 'info_received', substatus: 'label_created', description: 'Manifest acknowledgement: pre-shipment info sent to USPS, awaiting item', source: TRACK_CONFIRM },
    '03': { status: 'in_transit', substatus: 'picked_up', description: 'Accepted or picked up by the carrier', source: TRACK_CONFIRM },
    TM: { status: 'in_transit', substatus: 'picked_up', description: 'Shipment acceptance (truck manifest)', source: TRACK_CONFIRM },
    PA: { status: 'in_transit', substatus: 'picked_up', description: 'Shipment acceptance (passive acceptance)', source: TRACK_CONFIRM },
    '80': { status: 'in_transit', substatus: 'picked_up', description: 'Picked up by shipping partner', source: TRACK_CONFIRM },
    '81': { status: 'in_transit', substatus: 'arrived_at_facility', description: 'Arrived at shipping partner facility', source: TRACK_CONFIRM },
    '82': { status: 'in_transit', substatus: 'departed_facility', description: 'Departed shipping partner facility', source: TRACK_CONFIRM },
    '10': { status: 'in_transit', description: 'Processed through USPS facility', source: TRACK_CONFIRM },
    PC: { status: 'in_transit', description: 'Sorting / processing complete', source: TRACK_CONFIRM },
    '42': { status: 'in_transit', description: 'USPS handoff to shipping partner', source: TRACK_CONFIRM },
    '07': { status: 'in_transit', substatus: 'arrived_at_facility', description: 'Arrival at post office', source: TRACK_CONFIRM },
    EF: { status: 'in_transit', substatus: 'departed_facility', description: 'Departed sort facility', source: TRACK_CONFIRM },
    SF: { status: 'in_transit', substatus: 'departed_facility', description: 'Departed post office', source: TRACK_CONFIRM },
    '06': { status: 'in_transit', description: 'Forwarded to a new address', source: TRACK_CONFIRM },
    '08': { status: 'in_transit', substatus: 'misrouted', description: 'Missent', source: TRACK_CONFIRM },
    '15': { status: 'in_transit', substatus: 'misrouted', description: 'Mis-shipped', source: TRACK_CONFIRM },
    '71': { status: 'in_transit', substatus: 'delayed', description: 'Rescheduled to next delivery day', source: TRACK_CONFIRM },
    OF: { status: 'out_for_delivery', description: 'Out for delivery', source: TRACK_CONFIRM },
    '14': { status: 'available_for_pickup', substatus: 'delivered_to_pickup_point', description: 'Arrival at pickup point', source: TRACK_CONFIRM },
    '16': { status: 'available_for_pickup', description: 'Available for pickup', source: TRACK_CONFIRM },
    '01': { status: 'delivered', description: 'Delivered', source: TRACK_CONFIRM },
    '17': { status: 'delivered', substatus: 'collected_by_recipient', description: 'Picked up by agent', source: TRACK_CONFIRM },
    '43': { status: 'delivered', substatus: 'collected_by_recipient', description: 'Picked up at the post office', source: TRACK_CONFIRM },
    '02': { status: 'failed_attempt', substatus: 'recipient_unavailable', description: 'Delivery attempted, notice left', source: TRACK_CONFIRM },
    '52': { status: 'failed_attempt', substatus: 'recipient_unavailable', description: 'Notice left', source: TRACK_CONFIRM },
    '56': { status: 'failed_attempt', substatus: 'recipient_unavailable', description: 'No authorized recipient available', source: TRACK_CONFIRM },
    '53': { status: 'failed_attempt', substatus: 'location_inaccessible', description: 'Receptacle blocked', source: TRACK_CONFIRM },
    '54': { status: 'failed_attempt', substatus: 'location_inaccessible', description: 'Receptacle full / item oversized', source: TRACK_CONFIRM },
    '55': { status: 'failed_attempt', substatus: 'location_inaccessible', description: 'No secure location available', source: TRACK_CONFIRM },
    '30': { status: 'failed_attempt', substatus: 'location_inaccessible', description: 'Delivery attempted: no access to delivery location', source: TRACK_CONFIRM },
    '51': { status: 'failed_attempt', substatus: 'business_closed', description: 'Business closed', source: TRACK_CONFIRM },
    '04': { status: 'exception', substatus: 'refused', description: 'Refused', source: TRACK_CONFIRM },
    '05': { status: 'exception', substatus: 'address_issue', description: 'Undeliverable as addressed', source: TRACK_CONFIRM },
    '11': { status: 'exception', substatus: 'lost', description: 'Dead letter: sent to the Mail Recovery Center', source: TRACK_CONFIRM },
    '09': { status: 'returned', substatus: 'returning_to_sender', description: 'Return to sender', source: TRACK_CONFIRM },
    '21': { status: 'returned', substatus: 'address_issue', description: 'Return to sender: no such number', source: TRACK_CONFIRM },
    '22': { status: 'returned', substatus: 'address_issue', description: 'Return to sender: insufficient address', source: TRACK_CONFIRM },
    '23': { status: 'returned', substatus: 'address_issue', description: 'Return to sender: moved, left no address', source: TRACK_CONFIRM },
    '27': { status: 'returned', substatus: 'returning_to_sender', description: 'Return to sender: unclaimed', source: TRACK_CONFIRM },
    '44': { status: 'returned', substatus: 'returning_to_sender', description: 'Customer recall', source: TRACK_CONFIRM },
  },
};
