import { getAllCountries } from 'countries-and-timezones';
import { describe, expect, it } from 'vitest';
import { countryTimeZone, PRINCIPAL_ZONES, recipientTimeZone } from './places';

describe('places', () => {
  it('names a principal zone, one of its own, for every country with several', () => {
    for (const [code, country] of Object.entries(getAllCountries())) {
      if (country.timezones.length > 1) expect(country.timezones, code).toContain(PRINCIPAL_ZONES[code]);
    }
  });

  it('gives a country the zone most of it lives in', () => {
    expect(countryTimeZone('ES')).toBe('Europe/Madrid');
    expect(countryTimeZone('us')).toBe('America/New_York');
    expect(countryTimeZone('IT')).toBe('Europe/Rome');
    expect(countryTimeZone('ZZ')).toBeUndefined();
  });

  it('reads the recipient’s zone from the first valid one given, then the country, then the shop’s', () => {
    expect(recipientTimeZone(['Mars/Olympus', 'America/Chicago'], 'ES')).toBe('America/Chicago');
    expect(recipientTimeZone([null, undefined], 'FR')).toBe('Europe/Paris');
    expect(recipientTimeZone([], null)).toBe('UTC');
    expect(recipientTimeZone([], 'ZZ', 'Europe/Rome')).toBe('Europe/Rome');
  });
});
