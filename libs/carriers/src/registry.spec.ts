import { describe, expect, it } from 'vitest';
import { DEFAULT_STALL_AFTER_HOURS } from './carrier-definition';
import { CARRIER_SLUGS, carrierTrackingUrl, getCarrier, listCarriers, stallAfterHoursOf } from './registry';

describe('carrier registry', () => {
  it('registers FedEx, DHL Express and USPS', () => {
    expect([...CARRIER_SLUGS].sort()).toEqual(['dhl-express', 'fedex', 'usps']);
    expect(listCarriers().map((carrier) => carrier.slug)).toEqual(CARRIER_SLUGS);
  });

  it('finds a carrier by slug', () => {
    expect(getCarrier('dhl-express')?.name).toBe('DHL Express');
    expect(getCarrier('fedex')?.name).toBe('FedEx');
  });

  it('returns undefined for an unknown slug', () => {
    expect(getCarrier('pony-express')).toBeUndefined();
  });

  it('does not let callers change the registry through the listed array', () => {
    listCarriers().pop();
    expect(listCarriers()).toHaveLength(CARRIER_SLUGS.length);
  });
});

describe('carrierTrackingUrl', () => {
  it('fills the carrier tracking page with the number', () => {
    expect(carrierTrackingUrl('fedex', '794624852584')).toBe('https://www.fedex.com/fedextrack/?trknbr=794624852584');
    expect(carrierTrackingUrl('usps', '9400111899223856928499')).toBe(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223856928499',
    );
  });

  it('URL-encodes the tracking number so it cannot alter the link', () => {
    expect(carrierTrackingUrl('dhl-express', '12 34&x=1/#')).toBe(
      'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=12%2034%26x%3D1%2F%23',
    );
  });

  it('ignores surrounding whitespace pasted with the number', () => {
    expect(carrierTrackingUrl('fedex', ' 794624852584\n')).toBe('https://www.fedex.com/fedextrack/?trknbr=794624852584');
  });

  it('returns undefined for an unknown carrier', () => {
    expect(carrierTrackingUrl('pony-express', '123')).toBeUndefined();
  });
});

describe('stallAfterHoursOf', () => {
  it('gives each carrier its own stall threshold, and a carrier without a code table the general one', () => {
    expect(stallAfterHoursOf('fedex')).toBe(48);
    expect(stallAfterHoursOf('usps')).toBe(96);
    expect(stallAfterHoursOf('pony-express')).toBe(DEFAULT_STALL_AFTER_HOURS);
  });
});
