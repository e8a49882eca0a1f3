import { NODE_TYPES } from '@postino/flow-model';
import { describe, expect, it } from 'vitest';
import { addRule, factsBySubject, newGroup, operatorsFor, removeRule, withFact, withOperator } from './condition-model';

const valid = (groups: unknown) => NODE_TYPES.condition.configSchema.safeParse({ match: 'all', groups }).success;

describe('condition builder model', () => {
  it('offers every fact once, grouped by what it is about', () => {
    const groups = factsBySubject();
    expect(groups.map(([subject]) => subject)).toEqual(['shipment', 'order', 'customer']);
    expect(groups.flatMap(([, facts]) => facts).map((fact) => fact.id)).toContain('order.total');
  });

  it("offers the comparisons of the fact's type", () => {
    expect(operatorsFor('customer.accepts_marketing').map((operator) => operator.id)).toEqual(['is_true', 'is_false']);
    expect(operatorsFor('no.such.fact')).toEqual([]);
  });

  it('starts a rule on another fact with its first comparison and a blank value of the right shape', () => {
    expect(withFact('shipment.status')).toEqual({ fact: 'shipment.status', operator: 'is_any_of', value: [] });
    expect(withFact('order.total')).toEqual({ fact: 'order.total', operator: 'equals', value: { amount: '', currency: '' } });
    expect(withFact('customer.accepts_marketing')).toEqual({ fact: 'customer.accepts_marketing', operator: 'is_true', value: undefined });
    expect(valid([{ match: 'all', rules: [withFact('customer.accepts_marketing')] }])).toBe(true);
  });

  it('keeps the value when the comparison takes the same kind of operand, and clears it otherwise', () => {
    const rule = { fact: 'shipment.promised_date', operator: 'before', value: '2026-12-24' };
    expect(withOperator(rule, 'after').value).toBe('2026-12-24');
    const passed = withOperator(rule, 'has_passed');
    expect(passed.value).toBeUndefined();
    expect(valid([{ match: 'all', rules: [passed] }])).toBe(true);
  });

  it('adds and removes rules, a group left empty going with its last rule', () => {
    const groups = addRule([newGroup()], 0);
    expect(groups[0].rules).toHaveLength(2);
    expect(removeRule(groups, 0, 1)[0].rules).toHaveLength(1);
    expect(removeRule([newGroup(), newGroup()], 0, 0)).toHaveLength(1);
  });
});
