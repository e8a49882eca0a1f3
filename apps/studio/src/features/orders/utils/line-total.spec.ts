import { describe, expect, it } from 'vitest';
import { itemCount, lineTotal } from './line-total';

describe('lineTotal', () => {
  it('multiplies exactly in minor units', () => {
    expect(lineTotal('0.10', 3, 'EUR')).toBe('0.30');
    expect(lineTotal('19.99', 2, 'EUR')).toBe('39.98');
    expect(lineTotal('1500', 3, 'JPY')).toBe('4500');
  });

  it('gives up on an amount it cannot read', () => {
    expect(lineTotal('abc', 1, 'EUR')).toBeNull();
  });
});

describe('itemCount', () => {
  it('adds the quantities of all lines', () => {
    expect(itemCount([{ quantity: 2 }, { quantity: 1 }])).toBe(3);
    expect(itemCount([])).toBe(0);
  });
});
