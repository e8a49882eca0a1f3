import { describe, expect, it } from 'vitest';
import type { OutboxEmailSummary } from '../types';
import { newestFirst } from './newest-first';

function email(id: string, receivedAt: string): OutboxEmailSummary {
  return { id, receivedAt, from: 'shop@example.test', to: 'ada@example.test', subject: id, messageId: null };
}

describe('newestFirst', () => {
  it('puts the most recently received email first', () => {
    const sorted = newestFirst([
      email('old', '2025-03-10T09:00:00Z'),
      email('new', '2025-03-10T11:00:00+01:00'),
      email('middle', '2025-03-10T09:30:00Z'),
    ]);

    expect(sorted.map((e) => e.id)).toEqual(['new', 'middle', 'old']);
  });

  it('does not reorder the list it was given', () => {
    const emails = [email('a', '2025-03-10T09:00:00Z'), email('b', '2025-03-10T10:00:00Z')];

    newestFirst(emails);

    expect(emails.map((e) => e.id)).toEqual(['a', 'b']);
  });
});
