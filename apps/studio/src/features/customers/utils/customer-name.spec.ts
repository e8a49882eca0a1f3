import { describe, expect, it } from 'vitest';
import { customerName } from './customer-name';

const blank = { name: null, firstName: null, email: null, erasedAt: null };

describe('customerName', () => {
  it('prefers the full name, then the first name, then the e-mail', () => {
    expect(customerName({ ...blank, name: 'Lucía Pérez', firstName: 'Lucía', email: 'l@example.com' })).toBe('Lucía Pérez');
    expect(customerName({ ...blank, firstName: 'Lucía', email: 'l@example.com' })).toBe('Lucía');
    expect(customerName({ ...blank, name: '  ', email: 'l@example.com' })).toBe('l@example.com');
  });

  it('says so when the personal data was erased', () => {
    expect(customerName({ ...blank, erasedAt: '2026-01-01T00:00:00Z' })).toBe('Erased customer');
  });

  it('has a stand-in for a customer known by nothing', () => {
    expect(customerName(blank)).toBe('Unnamed customer');
  });
});
