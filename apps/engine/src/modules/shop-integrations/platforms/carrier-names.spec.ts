import { getCarrier } from '@postino/carriers';
import { describe, expect, it } from 'vitest';
import { CARRIER_NAMES, carrierSlugFor } from './carrier-names';

describe('carrierSlugFor', () => {
  it('maps every name to a carrier Postino has a code table for', () => {
    for (const [name, slug] of CARRIER_NAMES) expect(getCarrier(slug), `${name} → ${slug}`).toBeDefined();
  });

  it('reads Shopify tracking company names and WooCommerce provider slugs whatever their spelling', () => {
    expect(carrierSlugFor('DHL Express', 'X1')).toBe('dhl-express');
    expect(carrierSlugFor('dhl-express', 'X1')).toBe('dhl-express');
    expect(carrierSlugFor('FedEx', 'X1')).toBe('fedex');
    expect(carrierSlugFor('USPS', 'X1')).toBe('usps');
    expect(carrierSlugFor(' U.S.P.S. ', 'X1')).toBe('usps');
  });

  it('falls back to the tracking number for unknown or absent names, and gives up when that says nothing', () => {
    expect(carrierSlugFor('My courier', '9400111899223456789012')).toBeNull(); // not a valid USPS check digit
    expect(carrierSlugFor(null, '1Z999AA10123456784')).toBeNull(); // UPS: no code table
    expect(carrierSlugFor('UPS', '1z827wk74630')).toBeNull();
    expect(carrierSlugFor('constructor', 'X1')).toBeNull();
  });
});
