import { describe, expect, it } from 'vitest';
import { parseJsonKeepingLongIntegers } from './exact-json';

describe('parseJsonKeepingLongIntegers', () => {
  it('keeps integers too long for a double as strings of their digits, and the rest as JSON.parse does', () => {
    const text = '{"id":820982911946154508,"n":-1234567890123456789,"small":788032,"max":123456789012345,"price":19.99,"big":1e21}';
    expect(parseJsonKeepingLongIntegers(text)).toEqual({
      id: '820982911946154508',
      n: '-1234567890123456789',
      small: 788032,
      max: 123456789012345,
      price: 19.99,
      big: 1e21,
    });
  });

  it('leaves digits inside strings alone, escaped quotes included', () => {
    const text = '{"note":"order \\"820982911946154508\\" ok","tracking":"9400111899223456789012","list":[1234567890123456789]}';
    expect(parseJsonKeepingLongIntegers(text)).toEqual({
      note: 'order "820982911946154508" ok',
      tracking: '9400111899223456789012',
      list: ['1234567890123456789'],
    });
  });

  it('keeps numbers with a fraction or an exponent as numbers, however many digits they have', () => {
    const text = '[1234567890123456789.5, 1234567890123456789e2, 0.03144408811829065, 1e-1234567890123456789, 2E+12345678901234567]';
    expect(parseJsonKeepingLongIntegers(text)).toEqual(JSON.parse(text));
  });

  it('still refuses what is not JSON, including a long integer with a leading zero', () => {
    for (const text of ['{"id":0820982911946154508}', '{"id":820982911946154508', 'id=820982911946154508', '', '"unterminated']) {
      expect(() => parseJsonKeepingLongIntegers(text), text).toThrow(SyntaxError);
    }
  });
});
