import { describe, expect, it } from 'vitest';
import { toE164 } from './phone-number';

describe('toE164', () => {
  it('reads national numbers with the customer’s country', () => {
    expect(toE164('612 34 56 78', 'ES')).toBe('+34612345678');
    expect(toE164('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(toE164('0151 23456789', 'DE')).toBe('+4915123456789');
  });

  it('reads international numbers whatever the country', () => {
    expect(toE164('+39 312 345 6789', 'ES')).toBe('+393123456789');
    expect(toE164('+44 20 7946 0958', null)).toBe('+442079460958');
  });

  it('gives null for what is not a valid number', () => {
    expect(toE164('612 34 56 78', null)).toBeNull();
    expect(toE164('call me', 'ES')).toBeNull();
    expect(toE164('123', 'ES')).toBeNull();
    expect(toE164('', 'ES')).toBeNull();
    expect(toE164(null, 'ES')).toBeNull();
  });
});
