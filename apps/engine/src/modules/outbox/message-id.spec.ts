import { describe, expect, it } from 'vitest';
import { normalizeMessageId } from './message-id';

describe('normalizeMessageId', () => {
  it('strips the angle brackets mailparser keeps', () => {
    expect(normalizeMessageId('<0f3c.1@postino.local>')).toBe('0f3c.1@postino.local');
  });

  it('leaves a bare Message-ID as it is', () => {
    expect(normalizeMessageId('0f3c.1@postino.local')).toBe('0f3c.1@postino.local');
  });

  it('ignores blanks around the brackets', () => {
    expect(normalizeMessageId('  <0f3c.1@postino.local>\r\n')).toBe('0f3c.1@postino.local');
  });

  it('gives null for a missing or empty Message-ID', () => {
    expect(normalizeMessageId(null)).toBeNull();
    expect(normalizeMessageId(undefined)).toBeNull();
    expect(normalizeMessageId('<>')).toBeNull();
  });
});
