import type { FlowDetailView, FlowSummaryView, VersionSummary } from '@postino/api-contract';

export type FlowVersionSummary = VersionSummary;

/** A flow as listed: its status, its draft's revision and the version new runs start on (null while a draft). */
export type FlowSummary = FlowSummaryView;

/** With the editable definition; the published version's is not served, and equals it unless edited since. */
export type FlowDetail = FlowDetailView;
