import { describe, expect, it } from 'vitest';
import { loadEngineConfig } from './engine-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/postino',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  APP_SECRET: 'x'.repeat(32),
};

describe('loadEngineConfig', () => {
  it('applies defaults and derives the public URL from the port', () => {
    const config = loadEngineConfig({ ...valid, PORT: '4100' });
    expect(config.ROLE).toBe('all');
    expect(config.PUBLIC_URL).toBe('http://localhost:4100');
  });

  it('names a missing variable', () => {
    expect(() => loadEngineConfig({ ...valid, DATABASE_URL: undefined })).toThrow(/DATABASE_URL is required/);
  });

  it('names a variable with a wrong value and says why', () => {
    expect(() => loadEngineConfig({ ...valid, REDIS_URL: 'http://nope' })).toThrow(/REDIS_URL must start with redis:\/\//);
    expect(() => loadEngineConfig({ ...valid, ROLE: 'boss' })).toThrow(/ROLE/);
    expect(() => loadEngineConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEngineConfig({ ...valid, APP_SECRET: 'short' })).toThrow(/APP_SECRET must be at least 32/);
    expect(() => loadEngineConfig({ ...valid, SMS_URL: 'smtp://127.0.0.1:2525' })).toThrow(/SMS_URL must start with http:\/\/ or https:\/\//);
    expect(() => loadEngineConfig({ ...valid, ADMIN_EMAILS: 'ops@example.com, not-an-email' })).toThrow(/ADMIN_EMAILS/);
  });

  it('needs no SMS provider, and takes one with its credentials in the URL', () => {
    expect(loadEngineConfig(valid).SMS_URL).toBeUndefined();
    expect(loadEngineConfig({ ...valid, SMS_URL: 'https://AC12:s3cret@sms.example.com/v1/messages' }).SMS_URL).toBe(
      'https://AC12:s3cret@sms.example.com/v1/messages',
    );
  });

  it('reads the administrators as a normalised list', () => {
    expect(loadEngineConfig({ ...valid, ADMIN_EMAILS: ' Ops@Example.com,, b@example.com ' }).ADMIN_EMAILS).toEqual([
      'ops@example.com',
      'b@example.com',
    ]);
    expect(loadEngineConfig(valid).ADMIN_EMAILS).toEqual([]);
  });
});
