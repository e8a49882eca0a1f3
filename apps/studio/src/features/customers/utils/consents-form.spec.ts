import { describe, expect, it } from 'vitest';
import type { Consents } from '../types';
import { consentsFormDefaults, consentsFormSchema, toConsentsRequest } from './consents-form';

const current: Consents = {
  transactional: { state: 'granted', source: 'order', at: '2026-01-01T00:00:00Z' },
  marketing: { state: 'none', source: null, at: null },
};

describe('consents form', () => {
  it('starts from the current states and the customer-service source', () => {
    expect(consentsFormDefaults(current)).toEqual({ transactional: 'granted', marketing: 'none', source: 'customer_service' });
  });

  it('asks only for the purposes that changed', () => {
    expect(toConsentsRequest(current, { transactional: 'granted', marketing: 'granted', source: 'phone' })).toEqual({
      marketing: { state: 'granted', source: 'phone' },
    });
    expect(toConsentsRequest(current, { transactional: 'denied', marketing: 'denied', source: 'email' })).toEqual({
      transactional: { state: 'denied', source: 'email' },
      marketing: { state: 'denied', source: 'email' },
    });
  });

  it('has nothing to send when nothing changed', () => {
    expect(toConsentsRequest(current, { transactional: 'granted', marketing: 'none', source: 'phone' })).toBeNull();
  });

  it('checks the source with the API rule and normalizes it', () => {
    expect(consentsFormSchema.safeParse({ transactional: 'granted', marketing: 'none', source: 'Phone' }).data?.source).toBe(
      'phone',
    );
    const refused = consentsFormSchema.safeParse({ transactional: 'granted', marketing: 'none', source: 'by phone!' });
    expect(refused.error?.issues[0]).toMatchObject({ path: ['source'], message: expect.stringMatching(/short token/) });
  });
});
