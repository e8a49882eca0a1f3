import { z } from 'zod';

/**
 * Money in the API is a decimal string in the currency's major unit ("19.99" EUR, "1500" JPY), as shop
 * platforms send it; the engine stores integer minor units (1999 cents, 1500 yen) beside the ISO 4217 code, so
 * sums and comparisons are exact. The number of minor digits is the currency's (2 for EUR, 0 for JPY, 3 for KWD).
 */

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Up to a trillion in the major unit with up to 3 decimals: the minor amount stays below 2^53, exact in JSON. */
const AMOUNT = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

// Building an Intl.NumberFormat costs ~0.1 ms: known per currency once, not for every amount of every order.
const minorDigits = new Map<string, number>();

export function minorDigitsOf(currency: string): number {
  let digits = minorDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigits.set(currency, digits);
  }
  return digits;
}

/** "19.99" EUR → 1999; null when the text has more decimals than the currency has minor digits. */
export function toMinorUnits(amount: string, currency: string): number | null {
  const match = AMOUNT.exec(amount);
  if (!match) return null;
  const digits = minorDigitsOf(currency);
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(decimals.padEnd(digits, '0') || '0');
}

/** 1999 EUR → "19.99"; 1500 JPY → "1500". */
export function fromMinorUnits(minor: number, currency: string): string {
  const digits = minorDigitsOf(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code), 'must be an ISO 4217 currency code such as EUR');

/**
 * A non-negative amount as a decimal string (a JSON number is read through its shortest decimal form).
 * Whether its decimals fit the currency is checked where the currency is known (see `checkAmounts`).
 */
export const amountSchema = z
  .union([z.string(), z.number()], 'must be an amount such as 19.99')
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .refine((value) => AMOUNT.test(value), 'must be a non-negative amount such as 19.99, at most 12 digits before the point');

/** Adds an issue at each given path whose amount has more decimals than `currency` allows. */
export function checkAmounts(
  ctx: z.RefinementCtx,
  currency: string | undefined,
  amounts: [path: (string | number)[], amount: string | undefined][],
): void {
  if (!currency || !KNOWN_CURRENCIES.has(currency)) return;
  const digits = minorDigitsOf(currency);
  for (const [path, amount] of amounts) {
    if (amount !== undefined && toMinorUnits(amount, currency) === null) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: digits === 0 ? `must be a whole amount in ${currency}` : `must have at most ${digits} decimals in ${currency}`,
      });
    }
  }
}
