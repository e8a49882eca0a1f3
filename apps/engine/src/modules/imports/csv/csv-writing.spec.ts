import { describe, expect, it } from 'vitest';
import { csvLine, defusedCsvLine } from './csv-writing';

describe('CSV writing', () => {
  it('quotes values with delimiters, quotes or line breaks', () => {
    expect(csvLine([12, 'a,b', 'say "hi"', 'two\nlines', null, 'plain'])).toBe('12,"a,b","say ""hi""","two\nlines",,plain\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(defusedCsvLine([3, '=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'fine'])).toBe(
      `3,"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),fine\r\n`,
    );
  });
});
