import { describe, expect, it } from 'vitest';
import { countNoun } from './count-noun';

describe('countNoun', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(countNoun(1, 'order', 'orders')).toBe('1 order');
    expect(countNoun(0, 'order', 'orders')).toBe('0 orders');
    expect(countNoun(1200, 'row', 'rows')).toBe('1,200 rows');
  });

  it('says "at least" when a list was cut at its cap', () => {
    expect(countNoun(100, 'order', 'orders', 100)).toBe('100+ orders');
    expect(countNoun(99, 'order', 'orders', 100)).toBe('99 orders');
  });
});
