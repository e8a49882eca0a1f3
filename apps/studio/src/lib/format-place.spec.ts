import { describe, expect, it } from 'vitest';
import { formatPlace } from './format-place';

describe('formatPlace', () => {
  it('shows a text location as sent', () => {
    expect(formatPlace('  Milano Hub ')).toBe('Milano Hub');
  });

  it('orders address fields the way an address is read', () => {
    expect(formatPlace({ country: 'IT', city: 'Milano', postalCode: '20121', line1: 'Via Roma 1' })).toBe(
      'Via Roma 1, 20121, Milano, IT',
    );
  });

  it('skips empty and non-text fields and repeated values', () => {
    expect(formatPlace({ city: 'Roma', region: 'Roma', line2: '', lat: null, facility: 'Depot 4' })).toBe(
      'Roma, Depot 4',
    );
  });

  it('is empty for a missing place', () => {
    expect(formatPlace(null)).toBe('');
    expect(formatPlace(undefined)).toBe('');
  });
});
