import { describe, expect, it } from 'vitest';
import { formatRecipients } from './format-recipients';

describe('formatRecipients', () => {
  it('shows a single address as sent and joins a list', () => {
    expect(formatRecipients('Ada <ada@example.test>')).toBe('Ada <ada@example.test>');
    expect(formatRecipients(['ada@example.test', 'bob@example.test'])).toBe('ada@example.test, bob@example.test');
  });

  it('shows nothing when there was no To header', () => {
    expect(formatRecipients(null)).toBe('');
  });
});
