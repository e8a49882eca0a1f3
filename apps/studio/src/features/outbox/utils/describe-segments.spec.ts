import { describe, expect, it } from 'vitest';
import { describeSegments } from './describe-segments';

describe('describeSegments', () => {
  it('says how many SMS a message took and in which encoding', () => {
    expect(describeSegments({ segments: 1, encoding: 'GSM-7' })).toBe('1 SMS · GSM-7');
    expect(describeSegments({ segments: 3, encoding: 'UCS-2' })).toBe('3 SMS · UCS-2 (Unicode)');
  });
});
