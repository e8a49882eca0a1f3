import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { FACTS, subjectsOf } from '../../facts/fact-catalogue';
import { OPERATORS } from '../../facts/operators';
import { runFacts } from '../../facts/run-facts.fixture';
import { conditionNodeType, evaluateCondition, type ConditionConfig } from './condition';
import type { ConditionRule } from './rules';

const { configSchema, summary } = conditionNodeType;
const allOf = (...rules: ConditionRule[]): ConditionConfig => configSchema.parse({ groups: [{ rules }] });
const holds = (rule: ConditionRule, facts = runFacts()) => evaluateCondition(allOf(rule), facts);

describe('condition node type', () => {
  it('is a logic step with "yes" and "no" exits and a valid default', () => {
    expect(conditionNodeType.ports(conditionNodeType.defaultConfig).map((port) => port.id)).toEqual(['yes', 'no']);
    expect(configSchema.safeParse(conditionNodeType.defaultConfig).success).toBe(true);
  });

  it.each<[ConditionRule, boolean]>([
    [{ fact: 'shipment.status', operator: 'is_any_of', value: ['in_transit', 'delivered'] }, true],
    [{ fact: 'shipment.status', operator: 'is_none_of', value: ['in_transit'] }, false],
    [{ fact: 'shipment.carrier', operator: 'is_any_of', value: ['dhl-express'] }, true],
    [{ fact: 'shipment.destination_country', operator: 'is_any_of', value: ['FR', 'ES'] }, true],
    [{ fact: 'shipment.destination_postal_code', operator: 'starts_with', value: '28' }, true],
    [{ fact: 'shipment.promised_date', operator: 'after', value: '2026-12-02' }, true],
    [{ fact: 'shipment.promised_date', operator: 'has_passed' }, false],
    [{ fact: 'order.total', operator: 'at_least', value: { amount: '59.90', currency: 'EUR' } }, true],
    [{ fact: 'order.total', operator: 'greater_than', value: { amount: '59.90', currency: 'EUR' } }, false],
    [{ fact: 'order.subtotal', operator: 'less_than', value: { amount: '50', currency: 'EUR' } }, true],
    [{ fact: 'order.item_count', operator: 'at_least', value: 2 }, true],
    [{ fact: 'order.discount_codes', operator: 'has_any_of', value: ['blackfriday'] }, true],
    [{ fact: 'order.product_tags', operator: 'has_all_of', value: ['shoes', 'SALE'] }, true],
    [{ fact: 'order.product_tags', operator: 'has_none_of', value: ['shoes'] }, false],
    [{ fact: 'customer.tags', operator: 'has_any_of', value: ['vip'] }, true],
    [{ fact: 'customer.language', operator: 'is_any_of', value: ['es'] }, true],
    [{ fact: 'customer.country', operator: 'is_none_of', value: ['ES'] }, false],
    [{ fact: 'customer.marketing_consent', operator: 'is_any_of', value: ['granted'] }, true],
    [{ fact: 'customer.accepts_marketing', operator: 'is_false' }, false],
  ])('evaluates %j as %s', (rule, expected) => {
    expect(configSchema.safeParse({ groups: [{ rules: [rule] }] }).success).toBe(true);
    expect(holds(rule)).toBe(expected);
  });

  it('knows a promised date has passed by the recipient’s date', () => {
    expect(holds({ fact: 'shipment.promised_date', operator: 'has_passed' }, runFacts({ today: '2026-12-04' }))).toBe(true);
  });

  it('compares money only in the order’s currency', () => {
    expect(holds({ fact: 'order.total', operator: 'at_least', value: { amount: '10', currency: 'USD' } })).toBe(false);
    expect(holds({ fact: 'order.total', operator: 'at_least', value: { amount: '5990', currency: 'JPY' } }, runFacts({ order: { currency: 'JPY', totalMinor: 5990 } }))).toBe(true);
  });

  it('treats a rule about something absent as not met, even a negative one', () => {
    const noOrder = runFacts({ order: null });
    expect(holds({ fact: 'order.discount_codes', operator: 'has_none_of', value: ['x'] }, noOrder)).toBe(false);
    expect(holds({ fact: 'order.total', operator: 'less_than', value: { amount: '1000', currency: 'EUR' } }, noOrder)).toBe(false);
    expect(holds({ fact: 'customer.tags', operator: 'has_none_of', value: ['vip'] }, runFacts({ customer: null }))).toBe(false);
    expect(holds({ fact: 'shipment.destination_country', operator: 'is_none_of', value: ['FR'] }, runFacts({ shipment: { destinationCountry: null } }))).toBe(false);
  });

  it('reads the customer’s language from the shipment when the customer has none', () => {
    const rule = { fact: 'customer.language', operator: 'is_any_of', value: ['fr'] };
    expect(holds(rule, runFacts({ customer: null, shipment: { customerLocale: 'fr-BE' } }))).toBe(true);
    expect(holds(rule, runFacts({ customer: { locale: 'de' }, shipment: { customerLocale: 'fr-BE' } }))).toBe(false);
  });

  it('combines rules of a group by its match, and groups by the condition’s', () => {
    const vip = { fact: 'customer.tags', operator: 'has_any_of', value: ['vip'] };
    const france = { fact: 'shipment.destination_country', operator: 'is_any_of', value: ['FR'] };
    const config = (match: 'all' | 'any', groupMatch: 'all' | 'any') =>
      configSchema.parse({ match, groups: [{ match: groupMatch, rules: [vip, france] }, { rules: [vip] }] });

    expect(evaluateCondition(config('all', 'all'), runFacts())).toBe(false);
    expect(evaluateCondition(config('all', 'any'), runFacts())).toBe(true);
    expect(evaluateCondition(config('any', 'all'), runFacts())).toBe(true);
  });

  it.each([
    [{ fact: 'order.colour', operator: 'is_any_of', value: ['red'] }, ['fact'], 'Choose what to check.'],
    [{ fact: 'order.total', operator: 'contains', value: 'x' }, ['operator'], 'Choose a comparison that fits what is checked.'],
    [{ fact: 'shipment.status', operator: 'is_any_of', value: [] }, ['value'], 'Choose at least one value.'],
    [{ fact: 'shipment.status', operator: 'is_any_of', value: ['shipped'] }, ['value'], 'Choose values from the list.'],
    [{ fact: 'shipment.destination_country', operator: 'is_any_of', value: ['XX'] }, ['value'], 'Choose values from the list.'],
    [{ fact: 'order.item_count', operator: 'at_least', value: '3' }, ['value'], 'Enter a number.'],
    [{ fact: 'order.total', operator: 'at_least', value: { amount: '9.999', currency: 'EUR' } }, ['value'], 'Enter an amount such as 49.90 and its currency.'],
    [{ fact: 'order.total', operator: 'at_least', value: { amount: '10', currency: 'XYZ' } }, ['value'], 'Enter an amount such as 49.90 and its currency.'],
    [{ fact: 'shipment.promised_date', operator: 'before', value: '2026-02-30' }, ['value'], 'Enter a date such as 2026-12-24.'],
    [{ fact: 'customer.tags', operator: 'has_any_of', value: [' '] }, ['value'], 'Enter one to 50 tags.'],
    [{ fact: 'customer.accepts_marketing', operator: 'is_true', value: true }, ['value'], 'This comparison takes no value.'],
  ])('rejects the rule %j', (rule, path, message) => {
    expect(configIssues(conditionNodeType, { groups: [{ rules: [rule] }] })).toEqual([
      { path: ['groups', 0, 'rules', 0, ...path], message },
    ]);
  });

  it('accepts a carrier or language Postino has no table for yet', () => {
    expect(configIssues(conditionNodeType, { groups: [{ rules: [{ fact: 'shipment.carrier', operator: 'is_any_of', value: ['brt'] }] }] })).toEqual([]);
    expect(configIssues(conditionNodeType, { groups: [{ rules: [{ fact: 'customer.language', operator: 'is_any_of', value: ['pt'] }] }] })).toEqual([]);
  });

  it('words its errors in the marketer’s language', () => {
    expect(configIssues(conditionNodeType, { groups: [] }, 'de')).toEqual([
      { path: ['groups'], message: 'Fügen Sie mindestens eine Regelgruppe hinzu.' },
    ]);
    expect(configIssues(conditionNodeType, { groups: [{ rules: [{ fact: 'order.item_count', operator: 'at_least' }] }] }, 'es')).toEqual([
      { path: ['groups', 0, 'rules', 0, 'value'], message: 'Introduce un número.' },
    ]);
  });

  it('summarizes the first rule and counts the others', () => {
    const config = configSchema.parse({
      groups: [
        { rules: [{ fact: 'order.total', operator: 'at_least', value: { amount: '50', currency: 'EUR' } }] },
        { rules: [{ fact: 'shipment.status', operator: 'is_any_of', value: ['delivered', 'out_for_delivery'] }, { fact: 'customer.accepts_marketing', operator: 'is_true' }] },
      ],
    });
    expect(summary(config, 'en')).toBe('If Order total is at least €50.00 and 2 more');
    expect(summary(allOf({ fact: 'shipment.status', operator: 'is_any_of', value: ['delivered', 'out_for_delivery'] }), 'es')).toBe(
      'Si Estado del envío es Entregado o En reparto',
    );
    expect(summary(allOf({ fact: 'shipment.promised_date', operator: 'has_passed' }), 'de')).toBe('Wenn Zugesagtes Lieferdatum ist verstrichen');
  });
});

describe('the fact catalogue', () => {
  it('gives every fact a unique id, a label in every locale and at least one comparison', () => {
    expect(new Set(FACTS.map((fact) => fact.id)).size).toBe(FACTS.length);
    for (const fact of FACTS) {
      for (const label of Object.values(fact.label)) expect(label, fact.id).toMatch(/\S/);
      expect(OPERATORS[fact.type].length, fact.id).toBeGreaterThan(0);
    }
  });

  it('labels enum options in the marketer’s language', () => {
    const country = FACTS.find((fact) => fact.id === 'shipment.destination_country');
    expect(country?.type === 'enum' && country.optionLabel('DE', 'it')).toBe('Germania');
    const consent = FACTS.find((fact) => fact.id === 'customer.marketing_consent');
    expect(consent?.type === 'enum' && consent.options()).toEqual(['granted', 'denied', 'none']);
  });

  it('asks the loader for what its facts are about, and for the recipient’s zone when a date is compared', () => {
    expect([...subjectsOf(['order.total', 'shipment.status'])].sort()).toEqual(['order', 'shipment']);
    expect([...subjectsOf(['shipment.promised_date'])].sort()).toEqual(['customer', 'shipment', 'shop']);
  });

  it('tells the editor which picker draws each enum fact’s values', () => {
    const widgets = Object.fromEntries(FACTS.flatMap((fact) => (fact.type === 'enum' ? [[fact.id, fact.widget]] : [])));
    expect(widgets).toMatchObject({
      'shipment.status': 'status_picker',
      'shipment.carrier': 'carrier_picker',
      'shipment.destination_country': 'country_picker',
      'customer.country': 'country_picker',
      'customer.marketing_consent': 'choice',
    });
  });
});
