import { describe, expect, it } from 'vitest';
import { evenWeights, nextVariantId, weightsTotal } from './weights-model';

describe('A/B weights', () => {
  it('add up the variants and the holdout, an empty share as 0', () => {
    expect(weightsTotal([{ id: 'a', weight: 45 }, { id: 'b', weight: 45 }], 10)).toBe(100);
    expect(weightsTotal([{ id: 'a', weight: 60 }, { id: 'b', weight: undefined as unknown as number }], undefined)).toBe(60);
  });

  it('split what the holdout leaves in whole shares that make 100 %', () => {
    const variants = evenWeights([{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }], 10);
    expect(variants.map((variant) => variant.weight)).toEqual([30, 30, 30]);
    expect(weightsTotal(evenWeights([{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }], 0), 0)).toBe(100);
  });

  it('name a new variant by the first free letter', () => {
    expect(nextVariantId([{ id: 'a', weight: 50 }, { id: 'c', weight: 50 }])).toBe('b');
  });
});
