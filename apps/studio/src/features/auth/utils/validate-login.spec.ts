import { describe, expect, it } from 'vitest';
import { validateLogin } from './validate-login';

describe('validateLogin', () => {
  it('accepts an email and a password', () => {
    expect(validateLogin({ email: 'ada@shop.test', password: 'secret' })).toEqual({});
  });

  it('names each field that is missing', () => {
    const errors = validateLogin({ email: '', password: '' });

    expect(errors.email).toMatch(/^Email /);
    expect(errors.password).toBe('Password is required.');
  });

  it('rejects an email without a domain', () => {
    expect(validateLogin({ email: 'ada', password: 'secret' })).toEqual({ email: 'Email must be an e-mail address.' });
  });
});
