import { describe, expect, it } from 'vitest';
import { addressLines } from './address-lines';

describe('addressLines', () => {
  it('prints the address as on a label, skipping what is missing', () => {
    expect(
      addressLines({ name: 'Lucía Pérez', address1: 'Calle Mayor 1', postalCode: '28013', city: 'Madrid', country: 'ES' }),
    ).toEqual(['Lucía Pérez', 'Calle Mayor 1', '28013 Madrid', 'ES']);
  });

  it('has no lines for a missing or empty address', () => {
    expect(addressLines(null)).toEqual([]);
    expect(addressLines({ city: ' ' })).toEqual([]);
  });
});
