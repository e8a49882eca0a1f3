import { describe, expect, it } from 'vitest';
import { Consents, decideConsents, defaultTransactional, NO_CONSENT, unsubscribeDecisions } from './consent';

const t0 = new Date('2026-11-20T10:00:00Z');
const t1 = new Date('2026-11-21T10:00:00Z');
const none: Consents = { transactional: NO_CONSENT, marketing: NO_CONSENT };

describe('consents', () => {
  it('gives transactional consent by default with a first order, never marketing', () => {
    const decision = defaultTransactional(none, 'order', t0);
    const { consents, changes } = decideConsents(none, { transactional: decision });
    expect(consents.transactional).toEqual({ state: 'granted', source: 'order', at: t0 });
    expect(consents.marketing).toEqual(NO_CONSENT);
    expect(changes).toEqual([{ purpose: 'transactional', from: 'none', state: 'granted', source: 'order', at: t0 }]);
  });

  it('keeps a withdrawal when another order arrives', () => {
    const withdrawn: Consents = { ...none, transactional: { state: 'denied', source: 'studio', at: t0 } };
    expect(defaultTransactional(withdrawn, 'order', t1)).toBeUndefined();
  });

  it('ignores a decision older than the recorded one, and one that changes nothing', () => {
    const granted: Consents = { ...none, marketing: { state: 'granted', source: 'checkout', at: t1 } };
    expect(decideConsents(granted, { marketing: { state: 'denied', source: 'shopify', at: t0 } }).changes).toEqual([]);
    expect(decideConsents(granted, { marketing: { state: 'granted', source: 'api', at: t1 } }).changes).toEqual([]);
    const later = decideConsents(granted, { marketing: { state: 'denied', source: 'shopify', at: t1 } });
    expect(later.consents.marketing).toEqual({ state: 'denied', source: 'shopify', at: t1 });
    expect(later.changes).toHaveLength(1);
  });

  it('withdraws marketing only, or both, by unsubscribe scope', () => {
    const granted: Consents = {
      transactional: { state: 'granted', source: 'order', at: t0 },
      marketing: { state: 'granted', source: 'checkout', at: t0 },
    };
    const marketing = decideConsents(granted, unsubscribeDecisions('marketing', 'unsubscribe_link', t1));
    expect([marketing.consents.transactional.state, marketing.consents.marketing.state]).toEqual(['granted', 'denied']);
    const all = decideConsents(granted, unsubscribeDecisions('all', 'unsubscribe_link', t1));
    expect([all.consents.transactional.state, all.consents.marketing.state]).toEqual(['denied', 'denied']);
    expect(all.changes.map((c) => c.purpose)).toEqual(['transactional', 'marketing']);
  });
});
