import { describe, expect, it } from 'vitest';
import { buildTrackingPageView, chooseLocale, resolveTimeZone } from './tracking-page-view';
import type { TrackedShipmentRecord } from './tracking-page.repository';

const shipment: TrackedShipmentRecord = {
  id: '0b7f6f3e-52a4-4bde-9a59-4c1e8f2d9a10',
  merchantId: '5d0c8d4e-0f3a-4f5e-8b1e-2a6c9d7e4f21',
  merchantName: 'Bottega Rossi',
  carrier: 'dhl-express',
  trackingNumber: '12 34/56',
  orderNumber: 'R-1001',
  customerLocale: 'it-IT',
  customerTimezone: 'Europe/Rome',
  promisedDeliveryDate: '2025-11-28',
  status: 'in_transit',
  substatus: 'picked_up',
  lastEventAt: new Date('2025-11-25T08:30:00Z'),
};

describe('chooseLocale', () => {
  it('takes the first candidate in a supported language', () => {
    expect(chooseLocale('fr', 'it-IT', 'de')).toBe('fr');
    expect(chooseLocale(undefined, 'it-IT', 'de')).toBe('it');
    expect(chooseLocale(undefined, null, 'de')).toBe('de');
  });

  it('skips an unsupported ?lang instead of forcing English', () => {
    expect(chooseLocale('xx', 'es_ES')).toBe('es');
  });

  it('falls back to English', () => {
    expect(chooseLocale('ja', null, undefined)).toBe('en');
  });
});

describe('resolveTimeZone', () => {
  it('keeps a timezone Intl knows and falls back to UTC otherwise', () => {
    expect(resolveTimeZone('Europe/Rome')).toBe('Europe/Rome');
    expect(resolveTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(resolveTimeZone(null)).toBe('UTC');
  });
});

describe('buildTrackingPageView', () => {
  it("names the carrier and links its tracking page for this number", () => {
    const view = buildTrackingPageView(shipment, [], 'it');
    expect(view.carrierName).toBe('DHL Express');
    expect(view.carrierTrackingUrl).toContain('tracking-id=12%2034%2F56');
  });

  it('shows an unknown carrier by its slug, without a link', () => {
    const view = buildTrackingPageView({ ...shipment, carrier: 'poste-lunari' }, [], 'it');
    expect(view.carrierName).toBe('poste-lunari');
    expect(view.carrierTrackingUrl).toBeNull();
  });

  it('treats statuses it does not know as no status', () => {
    const view = buildTrackingPageView({ ...shipment, status: 'teleported', substatus: 'beamed' }, [
      { occurredAt: new Date('2025-11-25T08:30:00Z'), status: 'teleported', description: 'Beamed', location: null },
    ], 'it');
    expect(view.status).toBe('pending');
    expect(view.substatus).toBeNull();
    expect(view.events[0].status).toBeNull();
  });

  it('uses the newest event as last update when the shipment has none recorded', () => {
    const occurredAt = new Date('2025-11-24T10:00:00Z');
    const view = buildTrackingPageView({ ...shipment, lastEventAt: null }, [
      { occurredAt, status: 'in_transit', description: null, location: null },
    ], 'it');
    expect(view.lastUpdateAt).toEqual(occurredAt);
  });

  it('ignores a promised date that is not a calendar date', () => {
    expect(buildTrackingPageView({ ...shipment, promisedDeliveryDate: 'infinity' }, [], 'it').promisedDeliveryDate).toBeNull();
  });
});
