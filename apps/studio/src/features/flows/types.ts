import type { FlowDocument } from '@postino/flow-model';

export interface FlowVersionSummary {
  id: string;
  version: number;
  publishedAt: string;
}

/** A flow as listed: its name and the version new runs start on (null while it is a draft and does not trigger). */
export interface FlowSummary {
  id: string;
  name: string;
  publishedVersion: FlowVersionSummary | null;
  createdAt: string;
  updatedAt: string;
}

export interface FlowDetail extends FlowSummary {
  /** The editable definition; the published version's is not served, and equals it unless edited since. */
  draft: FlowDocument;
  /** Newest first. */
  versions: FlowVersionSummary[];
}
