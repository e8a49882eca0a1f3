import { UI_LOCALE } from './ui-locale';

const UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/** File sizes in decimal units, as operating systems show them: "512 B", "1.5 MB". */
export function formatBytes(bytes: number, locale: string = UI_LOCALE): string {
  // Intl's short "byte" reads "999 byte"; "B" is what people expect.
  if (bytes < 1000) return `${new Intl.NumberFormat(locale).format(Math.max(0, bytes))} B`;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value >= 100 ? 0 : 1,
  }).format(value);
}
