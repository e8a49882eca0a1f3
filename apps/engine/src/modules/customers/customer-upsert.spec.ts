import { describe, expect, it } from 'vitest';
import { planCustomer } from './customer-upsert';

const now = new Date('2026-11-27T09:00:00Z');
const context = { id: '00000000-0000-4000-8000-000000000001', merchantId: 'm', source: 'api', now };

describe('planCustomer', () => {
  it('creates a customer with an E.164 phone read with the hinted country, and transactional consent for an order', () => {
    const plan = planCustomer(null, { input: { email: 'Ana@Example.com', phone: '612 34 56 78' }, purchase: 'order', countryHint: 'ES' }, context);
    expect(plan.outcome).toBe('created');
    expect(plan.row).toMatchObject({ email: 'Ana@Example.com', phone: '+34612345678', phoneRaw: '612 34 56 78', country: 'ES' });
    expect(plan.row.consents.transactional).toEqual({ state: 'granted', source: 'order', at: now });
    expect(plan.row.consents.marketing.state).toBe('none');
    expect(plan.consentChanges).toHaveLength(1);
  });

  it('keeps stored fields the shop left out, and reports nothing when nothing changed', () => {
    const created = planCustomer(null, { input: { email: 'a@x.com', name: 'Ana', tags: ['vip'] }, purchase: 'shipment', countryHint: null }, context).row;
    const again = planCustomer(created, { input: { email: 'A@X.COM' }, purchase: 'shipment', countryHint: null }, { ...context, now: new Date() });
    expect(again.outcome).toBe('unchanged');
    expect(again.row).toBe(created);
    const renamed = planCustomer(created, { input: { email: 'a@x.com', name: 'Ana María' }, purchase: null, countryHint: null }, context);
    expect(renamed.outcome).toBe('updated');
    expect(renamed.row).toMatchObject({ name: 'Ana María', tags: ['vip'] });
  });

  it('records a declared marketing opt-in with its source and time', () => {
    const at = '2026-11-26T20:00:00Z';
    const plan = planCustomer(null, {
      input: { email: 'b@x.com', consents: { marketing: { state: 'granted', source: 'checkout', at } } },
      purchase: null,
      countryHint: null,
    }, context);
    expect(plan.row.consents.marketing).toEqual({ state: 'granted', source: 'checkout', at: new Date(at) });
    expect(plan.row.consents.transactional.state).toBe('none');
  });
});
