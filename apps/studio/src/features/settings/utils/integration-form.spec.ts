import { describe, expect, it } from 'vitest';
import { integrationFormSchema, rotateSecretFormSchema } from './integration-form';

describe('integrationFormSchema', () => {
  it('leaves out the empty optional fields', () => {
    expect(integrationFormSchema.parse({ platform: 'woocommerce', name: ' My shop ', secret: '', currency: '' })).toEqual({
      platform: 'woocommerce',
      name: 'My shop',
      secret: undefined,
      currency: undefined,
    });
  });

  it('checks the secret and currency with the API rules', () => {
    const result = integrationFormSchema.safeParse({ platform: 'woocommerce', name: 'Shop', secret: 'short', currency: 'EURO' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['secret', 'must be at least 16 characters'],
      ['currency', 'must be an ISO 4217 currency code such as EUR'],
    ]);
  });

  it('asks for the Shopify key', () => {
    const result = integrationFormSchema.safeParse({ platform: 'shopify', name: 'Shop', secret: '', currency: 'eur' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['secret'], message: expect.stringMatching(/required for Shopify/) });
    expect(integrationFormSchema.parse({ platform: 'shopify', name: 'Shop', secret: 'shpss_0123456789abcdef', currency: 'eur' })).toMatchObject({
      currency: 'EUR',
    });
  });
});

describe('rotateSecretFormSchema', () => {
  it('generates when empty, checks a pasted secret', () => {
    expect(rotateSecretFormSchema.parse({ secret: '' })).toEqual({ secret: undefined });
    expect(rotateSecretFormSchema.safeParse({ secret: 'short' }).success).toBe(false);
  });
});
