import type { FlowSummary } from '../types';

/**
 * Whether the flow was changed after its live version was published, so the draft shown may differ from what runs.
 * Publishing does not touch the flow's `updatedAt`; saving the draft (or renaming) does.
 */
export function draftEditedSincePublished(flow: FlowSummary): boolean {
  if (!flow.publishedVersion) return false;
  return Date.parse(flow.updatedAt) > Date.parse(flow.publishedVersion.publishedAt);
}
