/** A sum as a marketer types it: a decimal text in the major unit ("49.90") and an ISO 4217 currency. */
export interface MoneyAmount {
  amount: string;
  currency: string;
}

const AMOUNT = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

let currencies: Set<string> | undefined;

/** Whether the runtime (Node or browser) knows the currency code. */
export function isKnownCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

export function knownCurrencies(): string[] {
  return Intl.supportedValuesOf('currency');
}

function minorDigitsOf(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * "49.90" EUR → 4990, in the integer minor units orders are stored in; null when the text is not an amount or
 * has more decimals than the currency (the same rule as the API's, @postino/api-contract money).
 */
export function amountToMinor({ amount, currency }: MoneyAmount): number | null {
  const match = AMOUNT.exec(amount);
  if (!match || !isKnownCurrency(currency)) return null;
  const digits = minorDigitsOf(currency);
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(decimals.padEnd(digits, '0') || '0');
}

export function formatMoney({ amount, currency }: MoneyAmount, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount));
}
