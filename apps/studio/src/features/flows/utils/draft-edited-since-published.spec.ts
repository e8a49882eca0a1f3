import { describe, expect, it } from 'vitest';
import type { FlowSummary } from '../types';
import { draftEditedSincePublished } from './draft-edited-since-published';

function flow(updatedAt: string, publishedAt: string | null): FlowSummary {
  return {
    id: 'flow-1',
    name: 'Out for delivery',
    publishedVersion: publishedAt === null ? null : { id: 'version-1', version: 1, publishedAt },
    createdAt: '2025-03-01T09:00:00Z',
    updatedAt,
  };
}

describe('draftEditedSincePublished', () => {
  it('is false for a flow published after its last edit', () => {
    expect(draftEditedSincePublished(flow('2025-03-01T09:00:00Z', '2025-03-01T09:05:00Z'))).toBe(false);
  });

  it('is true once the flow is saved again after publishing', () => {
    expect(draftEditedSincePublished(flow('2025-03-02T10:00:00Z', '2025-03-01T09:05:00Z'))).toBe(true);
  });

  it('is false for a draft that was never published', () => {
    expect(draftEditedSincePublished(flow('2025-03-02T10:00:00Z', null))).toBe(false);
  });
});
