import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FlowDocument } from '@postino/flow-model';
import { DataSource } from 'typeorm';
import { bumpPublicationRevision } from '../merchants/publication-revision';

export interface FlowVersionSummary {
  id: string;
  version: number;
  publishedAt: Date;
}

export interface PublishedFlowVersion extends FlowVersionSummary {
  flowId: string;
}

/** A flow as listed: its name and the version that triggers, if any. */
export interface FlowSummary {
  id: string;
  name: string;
  /** The version new runs start on; null when the flow is not published (it does not trigger). */
  publishedVersion: FlowVersionSummary | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A flow with its editable draft. */
export interface FlowRecord extends FlowSummary {
  draft: FlowDocument;
}

/** What the flow matcher runs: one published version per flow. */
export interface PublishedFlowDefinition {
  flowId: string;
  versionId: string;
  definition: FlowDocument;
}

interface FlowRow {
  id: string;
  name: string;
  draft?: FlowDocument;
  createdAt: Date;
  updatedAt: Date;
  publishedVersionId: string | null;
  publishedVersionNumber: number | null;
  publishedAt: Date | null;
}

/** Selects a flow row `f` with its published version `v` (joined by the caller). */
const FLOW_COLUMNS = `f.id, f.name, f.created_at AS "createdAt", f.updated_at AS "updatedAt",
  v.id AS "publishedVersionId", v.version AS "publishedVersionNumber", v.published_at AS "publishedAt"`;
const JOIN_PUBLISHED_VERSION = `LEFT JOIN flow_versions v ON v.merchant_id = f.merchant_id AND v.id = f.published_version_id`;
const VERSION_COLUMNS = `id, version, published_at AS "publishedAt"`;

function toFlow(row: FlowRow): FlowSummary {
  return {
    id: row.id,
    name: row.name,
    publishedVersion:
      row.publishedVersionId === null
        ? null
        : { id: row.publishedVersionId, version: row.publishedVersionNumber as number, publishedAt: row.publishedAt as Date },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toFlowRecord(row: FlowRow): FlowRecord {
  const { id, name, publishedVersion, createdAt, updatedAt } = toFlow(row);
  return { id, name, draft: row.draft as FlowDocument, publishedVersion, createdAt, updatedAt };
}

@Injectable()
export class FlowRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(merchantId: string, input: { name: string; draft: FlowDocument }): Promise<FlowRecord> {
    const rows = await this.db.query(
      `WITH f AS (INSERT INTO flows (merchant_id, name, draft) VALUES ($1, $2, $3) RETURNING *)
       SELECT ${FLOW_COLUMNS}, f.draft FROM f ${JOIN_PUBLISHED_VERSION}`,
      [merchantId, input.name, JSON.stringify(input.draft)],
    );
    return toFlowRecord(rows[0]);
  }

  async list(merchantId: string): Promise<FlowSummary[]> {
    const rows: FlowRow[] = await this.db.query(
      `SELECT ${FLOW_COLUMNS} FROM flows f ${JOIN_PUBLISHED_VERSION}
        WHERE f.merchant_id = $1 ORDER BY f.created_at DESC, f.id DESC`,
      [merchantId],
    );
    return rows.map(toFlow);
  }

  async find(merchantId: string, id: string): Promise<FlowRecord | null> {
    const rows: FlowRow[] = await this.db.query(
      `SELECT ${FLOW_COLUMNS}, f.draft FROM flows f ${JOIN_PUBLISHED_VERSION} WHERE f.merchant_id = $1 AND f.id = $2`,
      [merchantId, id],
    );
    return rows[0] ? toFlowRecord(rows[0]) : null;
  }

  /** Newest first. */
  versions(merchantId: string, flowId: string): Promise<FlowVersionSummary[]> {
    return this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM flow_versions WHERE merchant_id = $1 AND flow_id = $2 ORDER BY version DESC`,
      [merchantId, flowId],
    );
  }

  /** Fields left undefined keep their value. Returns null when the flow does not exist for this merchant. */
  async update(
    merchantId: string,
    id: string,
    patch: { name?: string; draft?: FlowDocument },
  ): Promise<FlowRecord | null> {
    const rows: FlowRow[] = await this.db.query(
      `WITH f AS (
         UPDATE flows SET name = coalesce($3, name), draft = coalesce($4::jsonb, draft), updated_at = now()
          WHERE merchant_id = $1 AND id = $2 RETURNING *)
       SELECT ${FLOW_COLUMNS}, f.draft FROM f ${JOIN_PUBLISHED_VERSION}`,
      [merchantId, id, patch.name ?? null, patch.draft === undefined ? null : JSON.stringify(patch.draft)],
    );
    return rows[0] ? toFlowRecord(rows[0]) : null;
  }

  /**
   * Freezes `checkedDraft` into the next immutable version and makes it the one that triggers, in one
   * transaction. The flow row is locked so concurrent publishes get consecutive numbers. Returns null
   * when the flow does not exist for this merchant, and 'draft_changed' (publishing nothing) when its
   * draft is no longer the one that was checked.
   */
  async publish(
    merchantId: string,
    flowId: string,
    checkedDraft: FlowDocument,
  ): Promise<PublishedFlowVersion | 'draft_changed' | null> {
    const definition = JSON.stringify(checkedDraft);
    return this.db.transaction(async (manager) => {
      const flows: { unchanged: boolean }[] = await manager.query(
        `SELECT draft = $3::jsonb AS unchanged FROM flows WHERE merchant_id = $1 AND id = $2 FOR UPDATE`,
        [merchantId, flowId, definition],
      );
      if (flows.length === 0) return null;
      if (!flows[0].unchanged) return 'draft_changed';
      const versions: PublishedFlowVersion[] = await manager.query(
        `INSERT INTO flow_versions (merchant_id, flow_id, version, definition)
         SELECT $1::uuid, $2::uuid, coalesce(max(version), 0) + 1, $3::jsonb
           FROM flow_versions WHERE merchant_id = $1 AND flow_id = $2
         RETURNING ${VERSION_COLUMNS}, flow_id AS "flowId"`,
        [merchantId, flowId, definition],
      );
      await manager.query(`UPDATE flows SET published_version_id = $3 WHERE merchant_id = $1 AND id = $2`, [
        merchantId,
        flowId,
        versions[0].id,
      ]);
      await bumpPublicationRevision(manager, merchantId);
      return versions[0];
    });
  }

  /** Stops the flow triggering; its versions are kept. Returns false when the flow does not exist for this merchant. */
  async unpublish(merchantId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE flows SET published_version_id = NULL WHERE merchant_id = $1 AND id = $2 RETURNING id`,
        [merchantId, id],
      );
      if (rows.length === 0) return false;
      await bumpPublicationRevision(manager, merchantId);
      return true;
    });
  }

  /** The version that triggers of each published flow of these merchants. */
  async publishedVersionsOf(merchantIds: string[]): Promise<(PublishedFlowDefinition & { merchantId: string })[]> {
    return this.db.query(
      `SELECT f.merchant_id AS "merchantId", f.id AS "flowId", v.id AS "versionId", v.definition
         FROM flows f JOIN flow_versions v ON v.merchant_id = f.merchant_id AND v.id = f.published_version_id
        WHERE f.merchant_id = ANY($1::uuid[])
        ORDER BY f.created_at, f.id`,
      [merchantIds],
    );
  }

  /** Versions are immutable: what the caches load once by id. */
  async definitionsOf(
    keys: { merchantId: string; versionId: string }[],
  ): Promise<{ id: string; flowId: string; definition: FlowDocument }[]> {
    return this.db.query(
      `SELECT v.id, v.flow_id AS "flowId", v.definition
         FROM flow_versions v
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(merchant_id, id) ON v.merchant_id = k.merchant_id AND v.id = k.id`,
      [keys.map((k) => k.merchantId), keys.map((k) => k.versionId)],
    );
  }
}
