import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { abSplitNodeType } from './ab-split';
import { assignmentPoint, assignVariant, customerKeyOf, experimentIdOf, HOLDOUT } from './assignment';

const { configSchema, ports, summary } = abSplitNodeType;

// 50/30/20 of the 90 % not held out.
const split = configSchema.parse({
  variants: [
    { id: 'a', weight: 45 },
    { id: 'b', weight: 27, name: '10 % coupon' },
    { id: 'c', weight: 18 },
  ],
  holdout: 10,
});

describe('ab_split node type', () => {
  it('has an exit per variant and none for the holdout', () => {
    expect(ports(split).map((port) => [port.id, port.label.en, port.label.de])).toEqual([
      ['a', 'Variant A', 'Variante A'],
      ['b', '10 % coupon', '10 % coupon'],
      ['c', 'Variant C', 'Variante C'],
    ]);
  });

  it('puts 10,000 customers within 2 points of each share, and each one in the same variant every time', () => {
    const experiment = experimentIdOf('flow-1', 'split', split);
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const key = customerKeyOf({ id: `s${i}`, customerId: `customer-${i}`, customerEmail: null });
      const variant = assignVariant(split, experiment, key);
      expect(assignVariant(split, experiment, key)).toBe(variant);
      counts.set(variant, (counts.get(variant) ?? 0) + 1);
    }
    for (const [variant, share] of [['a', 45], ['b', 27], ['c', 18], [HOLDOUT, 10]] as const) {
      expect(Math.abs((counts.get(variant) ?? 0) / 100 - share), variant).toBeLessThanOrEqual(2);
    }
  });

  it('keeps the experiment when the node moves and starts a new one when the shares change', () => {
    const same = experimentIdOf('flow-1', 'split', configSchema.parse({ ...split, variants: split.variants.map((v) => ({ ...v, name: 'renamed' })) }));
    expect(same).toBe(experimentIdOf('flow-1', 'split', split));
    const reweighted = configSchema.parse({ ...split, variants: [{ id: 'a', weight: 50 }, { id: 'b', weight: 22 }, { id: 'c', weight: 18 }] });
    expect(experimentIdOf('flow-1', 'split', reweighted)).not.toBe(experimentIdOf('flow-1', 'split', split));
    expect(experimentIdOf('flow-2', 'split', split)).not.toBe(experimentIdOf('flow-1', 'split', split));
    expect(experimentIdOf('flow-1', 'split', { ...split, holdout: 0 })).not.toBe(experimentIdOf('flow-1', 'split', split));
  });

  it('places a customer independently in different experiments', () => {
    const points = ['e1', 'e2', 'e3'].map((experiment) => assignmentPoint(experiment, 'customer:c1'));
    expect(new Set(points).size).toBe(3);
    for (const point of points) expect(point >= 0 && point < 1).toBe(true);
  });

  it('knows the customer by id, else by normalized e-mail, else by shipment', () => {
    expect(customerKeyOf({ id: 's1', customerId: 'c1', customerEmail: 'Ana@Example.com' })).toBe('customer:c1');
    expect(customerKeyOf({ id: 's1', customerId: null, customerEmail: ' Ana@Example.com ' })).toBe('email:ana@example.com');
    expect(customerKeyOf({ id: 's1', customerId: null, customerEmail: null })).toBe('shipment:s1');
  });

  it.each([
    [{ variants: [{ id: 'a', weight: 100 }] }, ['variants'], 'An A/B split has 2 to 5 variants.'],
    [{ variants: [{ id: 'a', weight: 50 }, { id: 'a', weight: 50 }] }, ['variants', 1, 'id'], 'Two variants have the same id ("holdout" is reserved).'],
    [{ variants: [{ id: 'holdout', weight: 50 }, { id: 'b', weight: 50 }] }, ['variants', 0, 'id'], 'Two variants have the same id ("holdout" is reserved).'],
    [{ variants: [{ id: 'A!', weight: 50 }, { id: 'b', weight: 50 }] }, ['variants', 0, 'id'], 'Give each variant a short id of lowercase letters, digits, - or _.'],
    [{ variants: [{ id: 'a', weight: 49.5 }, { id: 'b', weight: 50 }] }, ['variants', 0, 'weight'], 'Give each variant a whole percentage from 1 to 100.'],
    [{ variants: [{ id: 'a', weight: 0 }, { id: 'b', weight: 100 }] }, ['variants', 0, 'weight'], 'Give each variant a whole percentage from 1 to 100.'],
    [{ variants: [{ id: 'a', weight: 50 }, { id: 'b', weight: 40 }] }, ['variants'], 'The variants and the holdout must add up to 100 %.'],
    [{ variants: [{ id: 'a', weight: 10 }, { id: 'b', weight: 10 }], holdout: 80 }, ['holdout'], 'The holdout is a whole percentage from 0 to 50.'],
  ])('rejects %j', (config, path, message) => {
    expect(configIssues(abSplitNodeType, config)).toEqual([{ path, message }]);
  });

  it('words its errors in the marketer’s language', () => {
    expect(configIssues(abSplitNodeType, { variants: [{ id: 'a', weight: 60 }, { id: 'b', weight: 30 }], holdout: 5 }, 'it')).toEqual([
      { path: ['variants'], message: 'Le varianti e il gruppo di controllo devono sommare 100 %.' },
    ]);
  });

  it('summarizes the shares', () => {
    expect(summary(split, 'en')).toBe('Variant A 45 % · 10 % coupon 27 % · Variant C 18 % · holdout 10 %');
    expect(summary(abSplitNodeType.defaultConfig, 'es')).toBe('Variante A 50 % · Variante B 50 %');
  });
});
