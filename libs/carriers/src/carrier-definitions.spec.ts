import { describe, expect, it } from 'vitest';
import { TRACKING_NUMBER_PLACEHOLDER } from './carrier-definition';
import { getCarrier, listCarriers } from './registry';

describe.each(listCarriers().map((carrier) => [carrier.slug, carrier] as const))('%s definition', (_slug, carrier) => {
  const rows = Object.entries(carrier.codes);

  it('cites an existing source on every code row', () => {
    const sourceIds = new Set(carrier.sources.map((source) => source.id));
    for (const [code, mapping] of rows) expect(sourceIds, `${code} cites ${mapping.source}`).toContain(mapping.source);
  });

  it('lists sources with unique ids and https URLs', () => {
    expect(new Set(carrier.sources.map((source) => source.id)).size).toBe(carrier.sources.length);
    for (const source of carrier.sources) {
      expect(source.title.trim()).not.toBe('');
      expect(new URL(source.url).protocol).toBe('https:');
    }
  });

  it('has a tracking URL template with the tracking number placeholder', () => {
    expect(carrier.trackingUrlTemplate).toContain(TRACKING_NUMBER_PLACEHOLDER);
    expect(new URL(carrier.trackingUrlTemplate).protocol).toBe('https:');
  });

  it('covers real countries (ISO 3166-1 alpha-2) or the whole world', () => {
    expect(carrier.countries.length).toBeGreaterThan(0);
    if (carrier.countries.includes('*')) expect(carrier.countries).toEqual(['*']);
    else for (const country of carrier.countries) expect(country).toMatch(/^[A-Z]{2}$/);
  });

  it('maps between 20 and 40 of its own codes, each described, none twice', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThanOrEqual(40);
    const normalizedCodes = rows.map(([code]) => code.trim().toUpperCase());
    expect(new Set(normalizedCodes).size).toBe(rows.length);
    for (const [, mapping] of rows) expect(mapping.description.trim()).not.toBe('');
  });

  it('states a stall threshold between a day and two weeks', () => {
    expect(Number.isInteger(carrier.stallAfterHours)).toBe(true);
    expect(carrier.stallAfterHours).toBeGreaterThanOrEqual(24);
    expect(carrier.stallAfterHours).toBeLessThanOrEqual(24 * 14);
  });

  it('names its native payload format', () => {
    expect(carrier.nativeFormat).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('FedEx codes', () => {
  const codes = getCarrier('fedex')?.codes ?? {};

  it('maps OD to out for delivery and DL to delivered', () => {
    expect(codes.OD?.status).toBe('out_for_delivery');
    expect(codes.DL?.status).toBe('delivered');
  });
});
