import { statusLabel, substatusLabel } from '@postino/status';
import { TemplateVariables } from './template-variables';

/** Realistic, fictitious data for previews and test sends. */
export const SAMPLE_TEMPLATE_VARIABLES: TemplateVariables = {
  customer: {
    name: 'Giulia Rossi',
    first_name: 'Giulia',
    last_name: 'Rossi',
    email: 'giulia.rossi@example.com',
  },
  shipment: {
    tracking_number: '1Z999AA10123456784',
    carrier: 'ups',
    carrier_name: 'UPS',
    status: 'in_transit',
    status_label: statusLabel('in_transit', 'en'),
    substatus: 'arrived_at_facility',
    substatus_label: substatusLabel('arrived_at_facility', 'en'),
    order_number: '#1042',
    last_event: {
      description: 'Arrived at facility',
      location: 'Milan, IT',
      occurred_at: '12 March 2025, 14:05',
    },
  },
  tracking_url: 'https://track.example.com/t/1Z999AA10123456784',
  merchant: {
    name: 'Northwind Goods',
  },
};
