import { describe, expect, it } from 'vitest';
import { amountCell, dateTimeCell, listCell, wholeNumberCell, yesNoCell } from './cells';

describe('cell readers', () => {
  it('reads a decimal comma but guesses no thousands separator', () => {
    expect(amountCell('19,99')).toBe('19.99');
    expect(amountCell('19.99')).toBe('19.99');
    expect(amountCell('1.234,56')).toBe('1.234,56');
    expect(amountCell('')).toBeUndefined();
  });

  it('reads spreadsheet times: a space for T, offsets without colon, no offset as UTC', () => {
    expect(dateTimeCell('2026-11-27T08:15:00+01:00')).toBe('2026-11-27T08:15:00+01:00');
    expect(dateTimeCell('2026-11-27 08:15:00 +0100')).toBe('2026-11-27T08:15:00+01:00');
    expect(dateTimeCell('2026-11-27 08:15')).toBe('2026-11-27T08:15:00Z');
    expect(dateTimeCell('2026-11-27')).toBe('2026-11-27T00:00:00Z');
    expect(dateTimeCell('27/11/2026')).toBe('27/11/2026');
  });

  it('reads yes/no, whole numbers and lists', () => {
    expect([yesNoCell('Yes'), yesNoCell('0'), yesNoCell(''), yesNoCell('maybe')]).toEqual([true, false, undefined, null]);
    expect([wholeNumberCell('2'), wholeNumberCell('2.0'), wholeNumberCell('two')]).toEqual([2, 2, 'two']);
    expect(listCell('summer, sale,,cotton')).toEqual(['summer', 'sale', 'cotton']);
  });
});
