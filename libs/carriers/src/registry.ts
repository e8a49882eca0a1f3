import { type CarrierDefinition, DEFAULT_STALL_AFTER_HOURS, TRACKING_NUMBER_PLACEHOLDER } from './carrier-definition';
import { dhlExpress } from './carriers/dhl-express';
import { fedex } from './carriers/fedex';
import { usps } from './carriers/usps';

const CARRIERS: readonly CarrierDefinition[] = [dhlExpress, fedex, usps];

const CARRIERS_BY_SLUG = new Map(CARRIERS.map((carrier) => [carrier.slug, carrier]));

export const CARRIER_SLUGS: readonly string[] = CARRIERS.map((carrier) => carrier.slug);

export function listCarriers(): CarrierDefinition[] {
  return [...CARRIERS];
}

export function getCarrier(slug: string): CarrierDefinition | undefined {
  return CARRIERS_BY_SLUG.get(slug);
}

/** The carrier's public tracking page for a number, or `undefined` for an unknown carrier. */
export function carrierTrackingUrl(slug: string, trackingNumber: string): string | undefined {
  const carrier = getCarrier(slug);
  if (!carrier) return undefined;
  return carrier.trackingUrlTemplate.replaceAll(TRACKING_NUMBER_PLACEHOLDER, encodeURIComponent(trackingNumber.trim()));
}

/** Hours without a scan before a shipment of this carrier is stalled, before any merchant override. */
export function stallAfterHoursOf(slug: string): number {
  return getCarrier(slug)?.stallAfterHours ?? DEFAULT_STALL_AFTER_HOURS;
}
