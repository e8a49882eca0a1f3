import type { RowError } from './import-kind';

/**
 * Cell readers shared by the kinds: they turn spreadsheet habits into what the shared zod schemas accept, and
 * leave anything else as written so the schema's own message names the problem.
 */

/** "19,99" (a decimal comma, as European spreadsheets write) → "19.99"; thousands separators are not guessed. */
export function amountCell(text: string): string | undefined {
  if (text === '') return undefined;
  return /^\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO 8601 time, also with a space for the "T" and an offset like +0100 or +01; a date alone is midnight
 * UTC, and so is a time without offset read as UTC (spreadsheets drop offsets).
 */
export function dateTimeCell(text: string): string | undefined {
  if (text === '') return undefined;
  const match = DATE_TIME.exec(text);
  if (!match) return text;
  const [, date, hoursMinutes = '00:00', seconds = ':00', offset = 'Z'] = match;
  const zone = /^z$/i.test(offset) ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(3).replace(':', '') || '00'}`;
  return `${date}T${hoursMinutes}${seconds}${zone}`;
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'granted']);
const FALSE = new Set(['no', 'n', 'false', '0', 'denied']);

/** yes/no, true/false, 1/0; undefined when blank, null when it is neither. */
export function yesNoCell(text: string): boolean | undefined | null {
  if (text === '') return undefined;
  const word = text.toLowerCase();
  return TRUE.has(word) ? true : FALSE.has(word) ? false : null;
}

export const YES_NO_REASON = 'must be yes or no (or true/false, 1/0)';

/** "2" → 2 (and "2.0"); anything else stays text, so the schema says it must be a number. */
export function wholeNumberCell(text: string): number | string | undefined {
  if (text === '') return undefined;
  return /^\d+(\.0+)?$/.test(text) ? Number(text) : text;
}

/** "a, b,c" → ["a", "b", "c"]: several values in one cell are separated by commas. */
export function listCell(text: string): string[] | undefined {
  if (text === '') return undefined;
  return text
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

/** Zod issues of an item built from rows, as row errors: `locate` says which row and column a path came from. */
export function issuesToRowErrors(
  issues: readonly { path: PropertyKey[]; message: string }[],
  locate: (path: PropertyKey[]) => { row: number; column: string | null },
): RowError[] {
  return issues.map((issue) => ({ ...locate(issue.path), reason: issue.message }));
}
