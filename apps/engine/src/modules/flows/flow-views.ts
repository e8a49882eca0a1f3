import { FlowDetailView, FlowSummaryView, publicationStatus } from '@postino/api-contract';
import { factsOf, VersionRow } from '../publishing/publishing.repository';
import { versionSummaryView } from '../publishing/version-view';
import type { FlowRecord, FlowRow } from './flow.repository';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function flowSummaryView(flow: FlowRow): FlowSummaryView {
  return {
    id: flow.id,
    name: flow.name,
    status: publicationStatus(factsOf(flow)),
    revision: flow.revision,
    publishedVersion: flow.publishedVersion && versionSummaryView(flow.publishedVersion),
    pausedAt: iso(flow.pausedAt),
    archivedAt: iso(flow.archivedAt),
    createdAt: flow.createdAt.toISOString(),
    updatedAt: flow.updatedAt.toISOString(),
  };
}

export function flowDetailView(flow: FlowRecord, versions: readonly VersionRow[]): FlowDetailView {
  return { ...flowSummaryView(flow), draft: flow.draft, versions: versions.map(versionSummaryView) };
}
