import { describe, expect, it } from 'vitest';
import { parseErrorReport } from './parse-error-report';

describe('parseErrorReport', () => {
  it('reads the rows after the header, dropping the byte-order mark', () => {
    expect(parseErrorReport('\ufeffrow,column,reason\r\n3,total,must be an amount such as 19.99\r\n5,order_date,is required\r\n')).toEqual([
      { row: 3, column: 'total', reason: 'must be an amount such as 19.99' },
      { row: 5, column: 'order_date', reason: 'is required' },
    ]);
  });

  it('reads quoted cells with commas, quotes and line breaks', () => {
    expect(parseErrorReport('row,column,reason\r\n7,customer_email,"must be an e-mail, not ""x""\nsee row 6"\r\n')).toEqual([
      { row: 7, column: 'customer_email', reason: 'must be an e-mail, not "x"\nsee row 6' },
    ]);
  });

  it('keeps a defused formula as the report wrote it', () => {
    expect(parseErrorReport("row,column,reason\n2,title,'=HYPERLINK(1)\n")[0].reason).toBe("'=HYPERLINK(1)");
  });

  it('has no rows for an empty report or something else', () => {
    expect(parseErrorReport('\ufeffrow,column,reason\r\n')).toEqual([]);
    expect(parseErrorReport('<html>')).toEqual([]);
  });
});
