import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

const APP_SECRET = 'a'.repeat(64);

describe('SecretBox', () => {
  const box = new SecretBox(APP_SECRET, 'shop-integration-secrets');

  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = box.seal('shpss_0123456789abcdef', 'row-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('shpss_');
    expect(box.open(sealed, 'row-1')).toBe('shpss_0123456789abcdef');
  });

  it('seals the same secret differently every time (random IV)', () => {
    expect(box.seal('same', 'row-1')).not.toBe(box.seal('same', 'row-1'));
  });

  it('refuses a value sealed for another context, purpose or APP_SECRET', () => {
    const sealed = box.seal('secret', 'row-1');
    expect(() => box.open(sealed, 'row-2')).toThrow();
    expect(() => new SecretBox(APP_SECRET, 'another-purpose').open(sealed, 'row-1')).toThrow();
    expect(() => new SecretBox('b'.repeat(64), 'shop-integration-secrets').open(sealed, 'row-1')).toThrow();
  });

  it('refuses an altered or malformed value', () => {
    const [scheme, iv, tag, ciphertext] = box.seal('secret', 'row-1').split('.');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([scheme, iv, tag, flipped.toString('base64url')].join('.'), 'row-1')).toThrow();
    expect(() => box.open('secret', 'row-1')).toThrow('not a sealed value');
    expect(() => box.open(`v2.${iv}.${tag}.${ciphertext}`, 'row-1')).toThrow('not a sealed value');
  });
});
