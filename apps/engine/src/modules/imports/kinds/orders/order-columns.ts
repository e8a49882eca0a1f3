import type { ImportColumn } from '../import-kind';

/**
 * The orders CSV: one row per line item or per shipment (or both: a line item and the shipment carrying it).
 * Rows with the same order_number are one order and must be consecutive; the order's own columns may be
 * repeated on each of its rows or filled on one and left blank on the others (the first value given counts).
 */
export const ORDER_COLUMNS = [
  { name: 'order_number', required: true, description: 'The order as the shop numbers it, e.g. #1001: on every row of the order. An order already imported with it is updated.' },
  { name: 'order_date', required: true, description: 'When it was placed: ISO 8601, e.g. 2026-11-27T08:15:00+01:00 or 2026-11-27 08:15 (no offset: UTC).' },
  { name: 'currency', required: true, description: 'ISO 4217 code such as EUR; every amount of the row is in it.' },
  { name: 'subtotal', required: true, description: 'Amounts in the major unit, e.g. 84.85; a decimal comma (84,85) is read too, thousands separators are not.' },
  { name: 'discounts', description: 'Blank means 0.' },
  { name: 'shipping', description: 'Blank means 0.' },
  { name: 'total', required: true, description: 'What the customer paid.' },
  { name: 'order_status', description: 'open, cancelled or refunded; blank means open.' },
  { name: 'discount_codes', description: 'Codes used, separated by commas.' },
  { name: 'customer_email', description: 'Identifies the customer (created or updated); required when any other customer column is filled.' },
  { name: 'customer_first_name', description: 'Used in greetings.' },
  { name: 'customer_name', description: 'Full name.' },
  { name: 'customer_phone', description: 'As given; stored in E.164 when it can be read with the shipping country.' },
  { name: 'customer_locale', description: 'Language of the messages, e.g. es or es-ES.' },
  { name: 'marketing_consent', description: 'yes or no as given at checkout (recorded at order_date, so an older file never overrides a newer decision); blank: not stated.' },
  { name: 'line_product_id', description: "A line item: the shop's product id." },
  { name: 'line_variant_id', description: "The shop's variant id." },
  { name: 'line_sku', description: 'Stock-keeping unit.' },
  { name: 'line_title', description: 'Required on a row with a line item.' },
  { name: 'line_quantity', description: 'A whole number, at least 1; required with a line item.' },
  { name: 'line_unit_price', description: 'Required with a line item.' },
  { name: 'line_image_url', description: 'http(s).' },
  { name: 'shipping_country', description: 'ISO 3166-1 alpha-2, e.g. ES: the order’s shipping address and its shipments’ destination.' },
  { name: 'shipping_city', description: 'City of the shipping address.' },
  { name: 'shipping_postal_code', description: 'Postal code of the shipping address.' },
  { name: 'tracking_number', description: 'A shipment of the order (several rows may name the same one).' },
  { name: 'carrier', description: 'Carrier slug (GET /api/v1/carriers); blank: detected from the tracking number.' },
] as const satisfies readonly ImportColumn[];

export type OrderColumn = (typeof ORDER_COLUMNS)[number]['name'];

export const LINE_COLUMNS = [
  'line_product_id',
  'line_variant_id',
  'line_sku',
  'line_title',
  'line_quantity',
  'line_unit_price',
  'line_image_url',
] as const satisfies readonly OrderColumn[];

export const CUSTOMER_COLUMNS = [
  'customer_email',
  'customer_first_name',
  'customer_name',
  'customer_phone',
  'customer_locale',
  'marketing_consent',
] as const satisfies readonly OrderColumn[];

const order = {
  order_number: '#1001',
  order_date: '2026-11-27T08:15:00+01:00',
  currency: 'EUR',
  subtotal: '89.90',
  discounts: '10.00',
  shipping: '4.95',
  total: '84.85',
  order_status: 'open',
  discount_codes: 'BLACKFRIDAY',
  customer_email: 'ana.garcia@example.com',
  customer_first_name: 'Ana',
  customer_name: 'Ana García',
  customer_phone: '612 34 56 78',
  customer_locale: 'es',
  marketing_consent: 'yes',
  shipping_country: 'ES',
  shipping_city: 'Madrid',
  shipping_postal_code: '28013',
};
const line = (sku: string, title: string, quantity: string, price: string) => ({
  line_product_id: sku.split('-')[0].toLowerCase(),
  line_sku: sku,
  line_title: title,
  line_quantity: quantity,
  line_unit_price: price,
});

/** A split order (two shipments, one line item each) and a one-line order without shipment yet. */
export const ORDER_EXAMPLE = [
  { ...order, ...line('TEE-M', 'Organic cotton T-shirt (M)', '2', '29.95'), tracking_number: '794612345678', carrier: 'fedex' },
  { order_number: '#1001', ...line('CAP-1', 'Canvas cap', '1', '30.00'), tracking_number: '1234567890', carrier: 'dhl-express' },
  {
    order_number: '#1002',
    order_date: '2026-11-28 17:40',
    currency: 'EUR',
    subtotal: '19,00',
    total: '23,95',
    shipping: '4,95',
    customer_email: 'luca.rossi@example.com',
    customer_name: 'Luca Rossi',
    customer_locale: 'it',
    marketing_consent: 'no',
    shipping_country: 'IT',
    ...line('CAP-1', 'Canvas cap', '1', '19,00'),
  },
];
