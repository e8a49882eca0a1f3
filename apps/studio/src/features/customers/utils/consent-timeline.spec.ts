import { describe, expect, it } from 'vitest';
import { consentTimeline } from './consent-timeline';

describe('consentTimeline', () => {
  it('lists changes and unsubscribes newest first', () => {
    const timeline = consentTimeline({
      consentHistory: [
        { purpose: 'transactional', state: 'granted', source: 'order', at: '2026-01-01T10:00:00Z' },
        { purpose: 'marketing', state: 'denied', source: 'studio', at: '2026-02-01T10:00:00Z' },
      ],
      unsubscribes: [{ scope: 'marketing', source: 'studio', at: '2026-02-01T10:00:00Z' }],
    });
    expect(timeline.map((entry) => [entry.kind, entry.at])).toEqual([
      ['unsubscribe', '2026-02-01T10:00:00Z'],
      ['change', '2026-02-01T10:00:00Z'],
      ['change', '2026-01-01T10:00:00Z'],
    ]);
  });

  it('is empty for a customer with no recorded decisions', () => {
    expect(consentTimeline({ consentHistory: [], unsubscribes: [] })).toEqual([]);
  });
});
