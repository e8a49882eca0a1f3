import { describe, expect, it } from 'vitest';
import type { OutboxItemSummary } from '../types';
import { newestFirst } from './newest-first';

function email(id: string, receivedAt: string): OutboxItemSummary {
  return { id, channel: 'email', receivedAt, from: 'shop@example.test', to: 'ada@example.test', subject: id, messageId: null, shipmentId: 's' };
}

function sms(id: string, receivedAt: string): OutboxItemSummary {
  return { id, channel: 'sms', receivedAt, from: 'Shop', to: '+34612345678', text: id, segments: 1, encoding: 'GSM-7', messageId: null, shipmentId: 's' };
}

describe('newestFirst', () => {
  it('puts the most recently received capture first, whatever its channel', () => {
    const sorted = newestFirst([
      email('old', '2025-03-10T09:00:00Z'),
      sms('new', '2025-03-10T11:00:00+01:00'),
      email('middle', '2025-03-10T09:30:00Z'),
    ]);

    expect(sorted.map((e) => e.id)).toEqual(['new', 'middle', 'old']);
  });

  it('does not reorder the list it was given', () => {
    const items = [email('a', '2025-03-10T09:00:00Z'), sms('b', '2025-03-10T10:00:00Z')];

    newestFirst(items);

    expect(items.map((e) => e.id)).toEqual(['a', 'b']);
  });
});
