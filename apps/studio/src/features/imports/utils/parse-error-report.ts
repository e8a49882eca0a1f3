/** One refused cell of an import, as the error report lists it. */
export interface ImportRowError {
  /** The file's line of the row; the header is row 1. */
  row: number;
  column: string;
  reason: string;
}

/** The cells of an RFC 4180 CSV text: quoted cells may hold commas, quotes ("") and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * The rows of an import's error report (`row,column,reason`, UTF-8 with a byte-order mark). A cell the engine
 * defused against spreadsheet formulas keeps its leading quote: it is shown as the report says it.
 */
export function parseErrorReport(csv: string): ImportRowError[] {
  const [header, ...rows] = csvRows(csv.replace(/^\ufeff/, ''));
  if (!header || header.join(',') !== 'row,column,reason') return [];
  return rows
    .filter((cells) => cells.length >= 3)
    .map(([row, column, reason]) => ({ row: Number(row), column, reason }));
}
