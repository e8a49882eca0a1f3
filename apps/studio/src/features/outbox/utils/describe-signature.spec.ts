import { describe, expect, it } from 'vitest';
import { describeSignature } from './describe-signature';

describe('describeSignature', () => {
  it('tells valid, invalid and unchecked signatures apart', () => {
    expect(describeSignature(true)).toBe('Valid');
    expect(describeSignature(false)).toMatch(/^Invalid/);
    expect(describeSignature(null)).toMatch(/^Not checked/);
  });
});
