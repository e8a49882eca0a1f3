import type { RunFacts } from './run-facts';

type Overrides = {
  shipment?: Partial<RunFacts['shipment']>;
  order?: Partial<NonNullable<RunFacts['order']>> | null;
  customer?: Partial<NonNullable<RunFacts['customer']>> | null;
  today?: string;
};

/** Facts of a run for specs: an in-transit parcel to Spain with an order and a customer, changed by `overrides`. */
export function runFacts(overrides: Overrides = {}): RunFacts {
  return {
    shipment: {
      id: 'shipment-1',
      status: 'in_transit',
      substatus: null,
      carrier: 'dhl-express',
      destinationCountry: 'ES',
      destinationPostalCode: '28001',
      promisedDeliveryDate: '2026-12-03',
      customerId: 'customer-1',
      customerEmail: 'ana@example.com',
      customerLocale: 'es-ES',
      customerTimezone: null,
      tags: [],
      ...overrides.shipment,
    },
    order:
      overrides.order === null
        ? null
        : {
            currency: 'EUR',
            totalMinor: 5990,
            subtotalMinor: 4990,
            discountCodes: ['BLACKFRIDAY'],
            productTags: ['Shoes', 'sale'],
            itemCount: 2,
            ...overrides.order,
          },
    customer:
      overrides.customer === null
        ? null
        : {
            tags: ['VIP'],
            locale: null,
            country: 'ES',
            timezone: null,
            marketingConsent: 'granted',
            transactionalConsent: 'granted',
            ...overrides.customer,
          },
    shop: { timeZone: 'Europe/Madrid' },
    today: overrides.today ?? '2026-12-01',
  };
}
