// A spreadsheet runs a cell starting with one of these as a formula (CSV injection): "=HYPERLINK(…)".
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV line (RFC 4180): a value with a comma, semicolon, quote or line break is quoted; CRLF ends it. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map((cell) => quoted(cell === null ? '' : String(cell))).join(',')}\r\n`;
}

/** Like csvLine for text that came from an upload: a cell that would start a formula is prefixed with a quote. */
export function defusedCsvLine(cells: readonly (string | number | null)[]): string {
  return csvLine(cells.map((cell) => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell)));
}

function quoted(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
