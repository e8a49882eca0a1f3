import type { PublicationStatus } from '@postino/api-contract';

/**
 * The state of something drafted then published in numbered versions: "Published · v3", "Paused · v3",
 * "Archived", or "Draft" before its first version.
 */
export function publicationLabel(publishedVersion: number | null, status: PublicationStatus = 'published'): string {
  if (status === 'archived') return 'Archived';
  if (publishedVersion === null) return 'Draft';
  return `${status === 'paused' ? 'Paused' : 'Published'} · v${publishedVersion}`;
}
