import { describe, expect, it } from 'vitest';
import { effectiveStallAfterHours, shipmentWatchSettingsSchema } from './shipment-watch';

const issuesOf = (input: unknown) =>
  shipmentWatchSettingsSchema.safeParse(input).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

describe('shipment watch settings', () => {
  it('names every wrong threshold at once, unknown carriers included', () => {
    expect(issuesOf({ stallAfterHours: 0, stallAfterHoursByCarrier: { fedex: 2.5, 'pony-express': 24, usps: 24 * 31 } })).toEqual([
      { path: 'stallAfterHours', message: 'must be at least 1 hour' },
      { path: 'stallAfterHoursByCarrier.fedex', message: 'must be a whole number' },
      { path: 'stallAfterHoursByCarrier.usps', message: 'must be at most 720 hours (30 days)' },
      { path: 'stallAfterHoursByCarrier', message: 'pony-express: must be one of dhl-express, fedex, usps' },
    ]);
  });

  it('asks for both fields: a PUT replaces the settings whole', () => {
    expect(issuesOf({ stallAfterHours: 12 })).toEqual([{ path: 'stallAfterHoursByCarrier', message: 'must be an object of hours by carrier' }]);
    expect(issuesOf({ stallAfterHours: null, stallAfterHoursByCarrier: {} })).toBeUndefined();
  });

  it('applies the shop’s hours for the carrier, else its general hours, else the carrier’s', () => {
    const settings = { stallAfterHours: 30, stallAfterHoursByCarrier: { usps: 60 } };

    expect(effectiveStallAfterHours(settings, 'usps')).toBe(60);
    expect(effectiveStallAfterHours(settings, 'fedex')).toBe(30);
    expect(effectiveStallAfterHours({ stallAfterHours: null, stallAfterHoursByCarrier: {} }, 'fedex')).toBe(48);
  });
});
