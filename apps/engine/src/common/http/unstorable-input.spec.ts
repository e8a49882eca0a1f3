import { describe, expect, it } from 'vitest';
import { findUnstorableInput, MAX_JSON_DEPTH } from './unstorable-input';

/** `levels` arrays, one inside the other, built without recursion. */
function nestedArrays(levels: number): unknown[] {
  const root: unknown[] = [];
  let at = root;
  for (let level = 1; level < levels; level++) at.push((at = []));
  return root;
}

describe('findUnstorableInput', () => {
  it('accepts ordinary JSON, surrogate pairs included', () => {
    expect(findUnstorableInput({ name: 'Paquete \u{1F4E6}', nodes: [{ id: 'a', config: {} }], n: 1, x: null })).toBeNull();
  });

  it('names a lone surrogate in a value or a key, escaped', () => {
    expect(findUnstorableInput({ a: [{ b: 'x\ud800' }] })).toMatchObject({ field: 'a.0.b', message: expect.stringContaining('surrogate') });
    expect(findUnstorableInput({ a: { '\udc00': 1 } })).toMatchObject({ field: 'a.\\udc00' });
    expect(findUnstorableInput({ 'k\u0000': 1 })).toMatchObject({ field: 'k\\u0000', message: expect.stringContaining('NUL') });
  });

  it('allows MAX_JSON_DEPTH levels and names the first level past it', () => {
    expect(findUnstorableInput(nestedArrays(MAX_JSON_DEPTH))).toBeNull();
    expect(findUnstorableInput(nestedArrays(MAX_JSON_DEPTH + 1))).toMatchObject({
      field: Array(MAX_JSON_DEPTH).fill('0').join('.'),
      message: `must not be nested more than ${MAX_JSON_DEPTH} levels deep`,
    });
  });

  it('walks a million levels without overflowing the stack', () => {
    expect(findUnstorableInput(nestedArrays(1_000_000))?.message).toContain('nested');
  });
});
