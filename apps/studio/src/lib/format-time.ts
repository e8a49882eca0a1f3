import { UI_LOCALE } from './ui-locale';

type TimeInput = string | number | Date;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const relativeUnits: ReadonlyArray<{ unit: Intl.RelativeTimeFormatUnit; size: number; below: number }> = [
  { unit: 'minute', size: MINUTE, below: HOUR },
  { unit: 'hour', size: HOUR, below: DAY },
  { unit: 'day', size: DAY, below: WEEK },
  { unit: 'week', size: WEEK, below: MONTH },
  { unit: 'month', size: MONTH, below: YEAR },
  { unit: 'year', size: YEAR, below: Infinity },
];

function toDate(value: TimeInput): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "just now", "5 minutes ago", "yesterday", "in 2 hours"; empty for an unreadable time. */
export function formatRelativeTime(value: TimeInput, now: Date = new Date(), locale: string = UI_LOCALE): string {
  const date = toDate(value);
  if (!date) return '';
  const elapsed = date.getTime() - now.getTime();
  if (Math.abs(elapsed) < MINUTE) return 'just now';
  const { unit, size } = relativeUnits.find(({ below }) => Math.abs(elapsed) < below) ?? relativeUnits[0];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(elapsed / size), unit);
}

/** Date and time to the minute, in the viewer's time zone unless one is given. */
export function formatDateTime(value: TimeInput, locale: string = UI_LOCALE, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

const calendarDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day such as a promised delivery date. A bare `YYYY-MM-DD` names a calendar day, not an instant,
 * so it is shown as is rather than shifted into the viewer's time zone.
 */
export function formatCalendarDate(value: TimeInput, locale: string = UI_LOCALE, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  const zone = typeof value === 'string' && calendarDatePattern.test(value) ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(date);
}
