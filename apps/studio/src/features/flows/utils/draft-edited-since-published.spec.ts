import { describe, expect, it } from 'vitest';
import type { FlowSummary } from '../types';
import { draftEditedSincePublished } from './draft-edited-since-published';

function flow(
  updatedAt: string,
  published: { at: string; draftRevision: number | null } | null,
  revision = 1,
): FlowSummary {
  return {
    id: 'flow-1',
    name: 'Out for delivery',
    status: published ? 'published' : 'draft',
    revision,
    publishedVersion: published && { id: 'version-1', version: 1, publishedAt: published.at, draftRevision: published.draftRevision },
    pausedAt: null,
    archivedAt: null,
    createdAt: '2025-03-01T09:00:00Z',
    updatedAt,
  };
}

describe('draftEditedSincePublished', () => {
  it('is false while the draft is at the revision the live version froze, even after a rename', () => {
    expect(draftEditedSincePublished(flow('2025-03-02T10:00:00Z', { at: '2025-03-01T09:05:00Z', draftRevision: 3 }, 3))).toBe(false);
  });

  it('is true once the draft is saved again after publishing', () => {
    expect(draftEditedSincePublished(flow('2025-03-02T10:00:00Z', { at: '2025-03-01T09:05:00Z', draftRevision: 3 }, 4))).toBe(true);
  });

  it('compares times for versions published before revisions existed', () => {
    expect(draftEditedSincePublished(flow('2025-03-01T09:00:00Z', { at: '2025-03-01T09:05:00Z', draftRevision: null }))).toBe(false);
    expect(draftEditedSincePublished(flow('2025-03-02T10:00:00Z', { at: '2025-03-01T09:05:00Z', draftRevision: null }))).toBe(true);
  });

  it('is false for a draft that was never published', () => {
    expect(draftEditedSincePublished(flow('2025-03-02T10:00:00Z', null))).toBe(false);
  });
});
