import { recipientTimeZone } from './places';
import type { Status, Substatus } from '@postino/status';

/** A consent as the shop recorded it: 'none' means never asked or never answered. */
export type ConsentState = 'granted' | 'denied' | 'none';

/**
 * What is known about a run's shipment, its order and its customer when a step decides: the input of
 * conditions, switches, splits and local-time waits. The engine loads it per batch; a dry-run can build it
 * from history. `order` and `customer` are null when the shipment has none linked.
 */
export interface RunFacts {
  shipment: {
    id: string;
    status: Status;
    substatus: Substatus | null;
    carrier: string;
    destinationCountry: string | null;
    destinationPostalCode: string | null;
    /** `YYYY-MM-DD`, a calendar date where the parcel is delivered. */
    promisedDeliveryDate: string | null;
    customerId: string | null;
    customerEmail: string | null;
    customerLocale: string | null;
    customerTimezone: string | null;
    /** Tags the shop's flows gave it (tag nodes), lower case. */
    tags: readonly string[];
  };
  order: {
    currency: string;
    totalMinor: number;
    subtotalMinor: number;
    discountCodes: readonly string[];
    /** The tags of the products its line items name (products the catalogue knows). */
    productTags: readonly string[];
    /** Units bought: the sum of the line items' quantities. */
    itemCount: number;
  } | null;
  customer: {
    tags: readonly string[];
    locale: string | null;
    country: string | null;
    timezone: string | null;
    marketingConsent: ConsentState;
    transactionalConsent: ConsentState;
  } | null;
  /** The shop's own settings: its time zone is the recipient's when nothing else tells one. */
  shop: { timeZone: string };
  /** The recipient's calendar date now (`YYYY-MM-DD`), for rules such as "the promised date has passed". */
  today: string;
}

/** The zone the recipient's local time is read in: their own, the shipment's, their country's, else the shop's. */
export function runTimeZone(facts: Pick<RunFacts, 'shipment' | 'customer' | 'shop'>): string {
  return recipientTimeZone(
    [facts.customer?.timezone, facts.shipment.customerTimezone],
    facts.shipment.destinationCountry,
    facts.shop.timeZone,
  );
}
