import { describe, expect, it } from 'vitest';
import { amountSchema, currencySchema, fromMinorUnits, toMinorUnits } from './money';

describe('money', () => {
  it('converts decimal strings to minor units by the currency’s digits', () => {
    expect(toMinorUnits('19.99', 'EUR')).toBe(1999);
    expect(toMinorUnits('19.9', 'EUR')).toBe(1990);
    expect(toMinorUnits('19', 'EUR')).toBe(1900);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234);
    expect(toMinorUnits('0.10', 'EUR')).toBe(10);
  });

  it('refuses more decimals than the currency has, but not trailing zeros', () => {
    expect(toMinorUnits('19.999', 'EUR')).toBeNull();
    expect(toMinorUnits('1500.5', 'JPY')).toBeNull();
    expect(toMinorUnits('1500.0', 'JPY')).toBe(1500);
    expect(toMinorUnits('-1', 'EUR')).toBeNull();
  });

  it('formats minor units back exactly', () => {
    expect(fromMinorUnits(1999, 'EUR')).toBe('19.99');
    expect(fromMinorUnits(5, 'EUR')).toBe('0.05');
    expect(fromMinorUnits(1500, 'JPY')).toBe('1500');
    expect(fromMinorUnits(1234, 'KWD')).toBe('1.234');
    expect(fromMinorUnits(999_999_999_999_99, 'EUR')).toBe('999999999999.99');
  });

  it('reads JSON numbers through their decimal form and refuses what is not an amount', () => {
    expect(amountSchema.parse(19.99)).toBe('19.99');
    expect(amountSchema.parse(' 7 ')).toBe('7');
    for (const bad of ['1e3', '-2', '', '1.2.3', 1e21, 'abc', '1234567890123']) {
      expect(amountSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('knows ISO 4217 codes, in any case', () => {
    expect(currencySchema.parse('eur')).toBe('EUR');
    expect(currencySchema.safeParse('EURO').success).toBe(false);
    expect(currencySchema.safeParse('XYZ').success).toBe(false);
  });
});
