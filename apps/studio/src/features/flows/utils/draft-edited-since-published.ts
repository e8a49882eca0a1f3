import type { FlowSummary } from '../types';

/**
 * Whether the draft was changed after its live version was published, so the draft shown may differ from what runs:
 * the draft's revision moved past the one the version froze. Versions older than revisions fall back to times
 * (publishing does not touch the flow's `updatedAt`; saving the draft or renaming does).
 */
export function draftEditedSincePublished(flow: FlowSummary): boolean {
  const published = flow.publishedVersion;
  if (!published) return false;
  if (published.draftRevision !== null) return flow.revision !== published.draftRevision;
  return Date.parse(flow.updatedAt) > Date.parse(published.publishedAt);
}
