import { getCarrier } from '@postino/carriers';
import { getTracking } from 'ts-tracking-number';

// ts-tracking-number's courier codes → our carrier slugs, for the carriers we have tables for.
const COURIER_TO_SLUG: Record<string, string> = { fedex: 'fedex', usps: 'usps', dhl: 'dhl-express' };

/** The carrier a tracking number's format and check digit point to, when it is one we support. */
export function detectCarrier(trackingNumber: string): string | null {
  const match = getTracking(trackingNumber.replace(/\s+/g, ''));
  const slug = match ? COURIER_TO_SLUG[match.courier.code] : undefined;
  return slug && getCarrier(slug) ? slug : null;
}
