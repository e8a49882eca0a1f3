import { describe, expect, it } from 'vitest';
import { normalizeCarrierEvent } from './normalize-carrier-event';

describe('normalizeCarrierEvent', () => {
  it('maps a known code through the carrier table', () => {
    expect(normalizeCarrierEvent('fedex', { code: 'OD', description: 'On FedEx vehicle for delivery' })).toEqual({
      status: 'out_for_delivery',
      substatus: null,
      via: 'code',
    });
  });

  it('matches codes case-insensitively after trimming', () => {
    expect(normalizeCarrierEvent('fedex', { code: ' dl ' })).toEqual({ status: 'delivered', substatus: null, via: 'code' });
    expect(normalizeCarrierEvent('dhl-express', { code: 'wc' })).toMatchObject({ status: 'out_for_delivery', via: 'code' });
  });

  it('prefers the code over contradicting text', () => {
    expect(normalizeCarrierEvent('usps', { code: '01', description: 'Out for delivery' })).toMatchObject({
      status: 'delivered',
      via: 'code',
    });
  });

  it('reports a known informational code as such, without guessing from its text', () => {
    expect(normalizeCarrierEvent('fedex', { code: 'SP', description: 'Split status: delivered' })).toEqual({
      status: null,
      substatus: null,
      via: 'code',
    });
  });

  it('does not use one carrier’s codes for another', () => {
    expect(normalizeCarrierEvent('usps', { code: 'OD' })).toEqual({ status: null, substatus: null, via: 'none' });
  });

  it('falls back on keywords for an unknown code', () => {
    expect(normalizeCarrierEvent('dhl-express', { code: 'ZZ', description: 'Die Sendung wurde zugestellt' })).toEqual({
      status: 'delivered',
      substatus: null,
      via: 'keywords',
    });
  });

  it('falls back on keywords when there is no code', () => {
    expect(normalizeCarrierEvent('usps', { code: null, description: 'Delivery attempted - recipient not available' })).toEqual({
      status: 'failed_attempt',
      substatus: 'recipient_unavailable',
      via: 'keywords',
    });
    expect(normalizeCarrierEvent('usps', { code: '   ', description: 'Out for Delivery' })).toMatchObject({ via: 'keywords' });
  });

  it('falls back on keywords for an unknown carrier', () => {
    expect(normalizeCarrierEvent('correos', { code: 'I', description: 'En reparto' })).toEqual({
      status: 'out_for_delivery',
      substatus: null,
      via: 'keywords',
    });
  });

  it('returns no status for an unknown code with unrecognisable text, without throwing', () => {
    expect(normalizeCarrierEvent('fedex', { code: 'Q9', description: 'Lorem ipsum dolor sit amet' })).toEqual({
      status: null,
      substatus: null,
      via: 'none',
    });
    expect(normalizeCarrierEvent('fedex', { code: 'Q9' })).toEqual({ status: null, substatus: null, via: 'none' });
    expect(normalizeCarrierEvent('nobody', {})).toEqual({ status: null, substatus: null, via: 'none' });
  });
});
