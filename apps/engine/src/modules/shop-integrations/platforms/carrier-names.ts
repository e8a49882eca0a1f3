import { detectCarrier } from '../../tracking/carrier-detection';

/**
 * Carrier names as shops write them, normalised (lower case, letters and digits only) → Postino carrier slug.
 * Shopify sends its tracking company names ("DHL Express", "FedEx", "USPS": the supported list of
 * FulfillmentTrackingInfo), WooCommerce shipment-tracking plugins a provider slug ("fedex", "usps",
 * "dhl-express") or a merchant-typed custom name. Only carriers Postino has a code table for are listed; a
 * carrier added to libs/carriers gets its names here. A bare "DHL" is left out on purpose: it names several
 * DHL networks (Express, Paket, eCommerce), and the tracking number decides instead.
 */
export const CARRIER_NAMES: ReadonlyMap<string, string> = new Map(Object.entries({
  dhlexpress: 'dhl-express',
  dhlexpressworldwide: 'dhl-express',
  fedex: 'fedex',
  fedexexpress: 'fedex',
  fedexground: 'fedex',
  federalexpress: 'fedex',
  usps: 'usps',
  unitedstatespostalservice: 'usps',
}));

const normaliseCarrierName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The carrier a shop's name for it maps to, or the one the tracking number points to; null when neither is known. */
export function carrierSlugFor(carrierName: string | null | undefined, trackingNumber: string): string | null {
  const named = carrierName ? CARRIER_NAMES.get(normaliseCarrierName(carrierName)) : undefined;
  return named ?? detectCarrier(trackingNumber);
}

