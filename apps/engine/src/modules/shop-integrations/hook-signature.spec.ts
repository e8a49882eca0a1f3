import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSignedBy } from './hook-signature';

const secret = 'hush-hush-hush-hush';
const body = Buffer.from('{"id":820982911946154508,"name":"#9999"}');
const sign = (bytes: Buffer, key = secret) => createHmac('sha256', key).update(bytes).digest('base64');

describe('isSignedBy', () => {
  it('accepts the base64 HMAC-SHA256 of the exact bytes', () => {
    expect(isSignedBy(body, sign(body), secret)).toBe(true);
  });

  it('refuses another secret, other bytes (even the same JSON re-serialized) and a truncated body', () => {
    expect(isSignedBy(body, sign(body, 'another-secret-entirely'), secret)).toBe(false);
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString())));
    expect(isSignedBy(reserialized, sign(body), secret)).toBe(false);
    expect(isSignedBy(body.subarray(0, body.length - 1), sign(body), secret)).toBe(false);
  });

  it('refuses a missing, repeated, empty, truncated or non-base64 header without throwing', () => {
    for (const header of [undefined, [sign(body), sign(body)], '', sign(body).slice(0, 20), '%%%not base64%%%', 'A'.repeat(10_000)]) {
      expect(isSignedBy(body, header, secret)).toBe(false);
    }
  });
});
