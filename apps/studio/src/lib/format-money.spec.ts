import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money';

describe('formatMoney', () => {
  it('formats a decimal string in its currency', () => {
    expect(formatMoney('19.99', 'EUR')).toBe('€19.99');
    expect(formatMoney('1234.5', 'USD')).toBe('$1,234.50');
  });

  it('follows the currency minor digits', () => {
    expect(formatMoney('1500', 'JPY')).toBe('¥1,500');
  });

  it('follows the locale', () => {
    expect(formatMoney('19.99', 'EUR', 'de')).toBe('19,99\u00a0€');
  });

  it('keeps an unknown currency readable', () => {
    expect(formatMoney('5', 'XQQ')).toMatch(/5(\.00)?\s?XQQ|XQQ\s?5/);
  });

  it('shows an unreadable amount as it came', () => {
    expect(formatMoney('abc', 'EUR')).toBe('abc EUR');
  });
});
