import { describe, expect, it } from 'vitest';
import { validateApiKeyName } from './validate-api-key-name';

describe('validateApiKeyName', () => {
  it('accepts a name', () => {
    expect(validateApiKeyName('Shopify sync')).toBeUndefined();
  });

  it('refuses a blank name', () => {
    expect(validateApiKeyName('   ')).toBe('Name is required.');
  });

  it('refuses a name longer than the API allows', () => {
    expect(validateApiKeyName('x'.repeat(101))).toBe('Name must be at most 100 characters.');
  });
});
