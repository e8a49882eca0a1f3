import { UI_LOCALE } from './ui-locale';

/**
 * "1 order", "3 orders"; "100+ orders" when the count reached `cap`, the most a list shows, so the true
 * number may be higher.
 */
export function countNoun(count: number, singular: string, plural: string, cap?: number): string {
  const number = new Intl.NumberFormat(UI_LOCALE).format(count);
  const capped = cap !== undefined && count >= cap;
  return `${number}${capped ? '+' : ''} ${count === 1 && !capped ? singular : plural}`;
}
