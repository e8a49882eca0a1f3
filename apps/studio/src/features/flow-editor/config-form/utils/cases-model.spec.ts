import { describe, expect, it } from 'vitest';
import { nextCaseId, valuesTakenElsewhere } from './cases-model';

describe('switch cases', () => {
  it('give a new case an exit id no case uses', () => {
    expect(nextCaseId([{ id: 'case_2', values: [] }])).toBe('case_3');
    expect(nextCaseId([{ id: 'delivered', values: [] }, { id: 'case_3', values: [] }])).toBe('case_4');
  });

  it('know which values other cases lead to', () => {
    const cases = [
      { id: 'a', values: ['delivered'] },
      { id: 'b', values: ['exception', 'returned'] },
    ];
    expect([...valuesTakenElsewhere(cases, 0)]).toEqual(['exception', 'returned']);
  });
});
