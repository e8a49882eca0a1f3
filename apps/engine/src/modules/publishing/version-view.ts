import type { VersionSummary } from '@postino/api-contract';
import type { VersionRow } from './publishing.repository';

/** A version as every publishable kind lists it. */
export function versionSummaryView(version: VersionRow): VersionSummary {
  return {
    id: version.id,
    version: version.version,
    publishedAt: version.publishedAt.toISOString(),
    draftRevision: version.draftRevision,
  };
}
