import { UI_LOCALE } from './ui-locale';

/**
 * An amount as the API sends it (a decimal string in the currency's major unit, "19.99") in the studio's
 * locale: "€19.99". An unknown currency code is shown beside the plain number instead of failing.
 */
export function formatMoney(amount: string, currency: string, locale: string = UI_LOCALE): string {
  const value = Number(amount);
  if (amount.trim() === '' || !Number.isFinite(value)) return `${amount} ${currency}`.trim();
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale).format(value)} ${currency}`;
  }
}
