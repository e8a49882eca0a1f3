import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VersionPin } from '@postino/api-contract';
import type { FlowDocument } from '@postino/flow-model';
import { DataSource } from 'typeorm';
import type { PublishableState, VersionRow } from '../publishing/publishing.repository';

/** A flow as listed: its name, lifecycle state and the version that triggers while it is published. */
export interface FlowRow extends PublishableState {
  id: string;
  name: string;
  publishedVersion: VersionRow | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A flow with its editable draft. */
export interface FlowRecord extends FlowRow {
  draft: FlowDocument;
}

/** A flow as engines load it: whether it triggers (with the version new runs start on) or holds its runs' work. */
export interface LoadedFlow {
  merchantId: string;
  flowId: string;
  /** Paused or archived: its runs' due steps and messages wait. */
  held: boolean;
  /** Set when the flow triggers: published, not paused, not archived. */
  live: { versionId: string; definition: FlowDocument; pins: VersionPin[] } | null;
}

interface SelectedRow extends PublishableState {
  id: string;
  name: string;
  draft?: FlowDocument;
  createdAt: Date;
  updatedAt: Date;
  versionNumber: number | null;
  publishedAt: Date | null;
  draftRevision: number | null;
}

/** Selects a flow row `f` with its published version `v` (joined by the caller). */
const FLOW_COLUMNS = `f.id, f.name, f.revision, f.published_version_id AS "publishedVersionId", f.paused_at AS "pausedAt",
  f.archived_at AS "archivedAt", f.created_at AS "createdAt", f.updated_at AS "updatedAt",
  v.version AS "versionNumber", v.published_at AS "publishedAt", v.draft_revision AS "draftRevision"`;
const JOIN_PUBLISHED_VERSION = `LEFT JOIN flow_versions v ON v.merchant_id = f.merchant_id AND v.id = f.published_version_id`;

function toFlow(row: SelectedRow): FlowRow {
  const { id, name, revision, publishedVersionId, pausedAt, archivedAt, createdAt, updatedAt } = row;
  const publishedVersion =
    publishedVersionId === null
      ? null
      : { id: publishedVersionId, version: row.versionNumber as number, publishedAt: row.publishedAt as Date, draftRevision: row.draftRevision };
  return { id, name, revision, publishedVersionId, pausedAt, archivedAt, publishedVersion, createdAt, updatedAt };
}

/**
 * Flows as rows: creation, reads, and what engines load. Drafts, versions and states change through the shared
 * lifecycle (modules/publishing).
 */
@Injectable()
export class FlowRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(merchantId: string, input: { name: string; draft: FlowDocument }): Promise<FlowRecord> {
    const rows: SelectedRow[] = await this.db.query(
      `WITH f AS (INSERT INTO flows (merchant_id, name, draft) VALUES ($1, $2, $3) RETURNING *)
       SELECT ${FLOW_COLUMNS}, f.draft FROM f ${JOIN_PUBLISHED_VERSION}`,
      [merchantId, input.name, JSON.stringify(input.draft)],
    );
    return { ...toFlow(rows[0]), draft: rows[0].draft as FlowDocument };
  }

  /** Newest first; archived flows only when asked for (then only they). */
  async list(merchantId: string, archived: boolean): Promise<FlowRow[]> {
    const rows: SelectedRow[] = await this.db.query(
      `SELECT ${FLOW_COLUMNS} FROM flows f ${JOIN_PUBLISHED_VERSION}
        WHERE f.merchant_id = $1 AND (f.archived_at IS NOT NULL) = $2
        ORDER BY f.created_at DESC, f.id DESC`,
      [merchantId, archived],
    );
    return rows.map(toFlow);
  }

  async find(merchantId: string, id: string): Promise<FlowRecord | null> {
    const rows: SelectedRow[] = await this.db.query(
      `SELECT ${FLOW_COLUMNS}, f.draft FROM flows f ${JOIN_PUBLISHED_VERSION} WHERE f.merchant_id = $1 AND f.id = $2`,
      [merchantId, id],
    );
    return rows[0] ? { ...toFlow(rows[0]), draft: rows[0].draft as FlowDocument } : null;
  }

  /** The flows of these merchants that trigger (with their published version) or hold their runs' work. */
  async loadedFlowsOf(merchantIds: string[]): Promise<LoadedFlow[]> {
    const rows: (Omit<LoadedFlow, 'live'> & { versionId: string | null; definition: FlowDocument | null; pins: VersionPin[] | null })[] =
      await this.db.query(
        `SELECT f.merchant_id AS "merchantId", f.id AS "flowId",
                (f.paused_at IS NOT NULL OR f.archived_at IS NOT NULL) AS held,
                v.id AS "versionId", v.definition, v.pinned_versions AS pins
           FROM flows f
           LEFT JOIN flow_versions v
             ON v.merchant_id = f.merchant_id AND v.id = f.published_version_id
            AND f.paused_at IS NULL AND f.archived_at IS NULL
          WHERE f.merchant_id = ANY($1::uuid[])
            AND (f.published_version_id IS NOT NULL OR f.paused_at IS NOT NULL OR f.archived_at IS NOT NULL)
          ORDER BY f.created_at, f.id`,
        [merchantIds],
      );
    return rows.map(({ merchantId, flowId, held, versionId, definition, pins }) => ({
      merchantId,
      flowId,
      held,
      live: versionId === null ? null : { versionId, definition: definition as FlowDocument, pins: pins ?? [] },
    }));
  }

  /** Versions are immutable: what the caches load once by id. */
  async definitionsOf(
    keys: { merchantId: string; versionId: string }[],
  ): Promise<{ id: string; flowId: string; definition: FlowDocument; pins: VersionPin[] }[]> {
    return this.db.query(
      `SELECT v.id, v.flow_id AS "flowId", v.definition, v.pinned_versions AS pins
         FROM flow_versions v
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(merchant_id, id) ON v.merchant_id = k.merchant_id AND v.id = k.id`,
      [keys.map((k) => k.merchantId), keys.map((k) => k.versionId)],
    );
  }
}
