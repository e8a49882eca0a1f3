import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isHeld, isLive, LifecycleFacts, LifecycleOutcome, VersionPin } from '@postino/api-contract';
import { DataSource, EntityManager } from 'typeorm';
import { bumpPublicationRevision } from '../merchants/publication-revision';
import { PublishableKind, versionContentColumns } from './publishable-kinds';
import type { CurrentVersion } from './version-pins';

/** The lifecycle columns of a publishable row. */
export interface PublishableState {
  revision: number;
  publishedVersionId: string | null;
  pausedAt: Date | null;
  archivedAt: Date | null;
}

/** A draft locked for publishing: its state and its content columns as stored (jsonb already parsed). */
export interface LockedDraft extends PublishableState {
  content: Record<string, unknown>;
}

export interface VersionRow {
  id: string;
  version: number;
  publishedAt: Date;
  draftRevision: number | null;
}

export interface VersionWithContent extends VersionRow {
  /** Version content columns, as stored. */
  content: Record<string, unknown>;
  /** Empty for kinds whose versions pin nothing. */
  pins: VersionPin[];
}

/** What publishing freezes: a value for every version content column (as SQL parameters: jsonb as JSON text), and pins. */
export interface BuiltVersion {
  content: Record<string, unknown>;
  pins: VersionPin[];
}

/** Why a conditional write wrote nothing. */
export type Refusal =
  | { refused: 'missing' }
  | { refused: 'version_missing' }
  | { refused: 'archived' }
  | { refused: 'stale'; currentRevision: number }
  | { refused: 'status'; reason: string; state: PublishableState };

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

export function factsOf(state: PublishableState): LifecycleFacts {
  return { published: state.publishedVersionId !== null, paused: state.pausedAt !== null, archived: state.archivedAt !== null };
}

function stateColumns(kind: PublishableKind, alias = ''): string {
  const a = alias ? `${alias}.` : '';
  const pause = kind.pausable
    ? `${a}paused_at AS "pausedAt", ${a}archived_at AS "archivedAt"`
    : `NULL::timestamptz AS "pausedAt", NULL::timestamptz AS "archivedAt"`;
  return `${a}revision, ${a}published_version_id AS "publishedVersionId", ${pause}`;
}

const notArchived = (kind: PublishableKind, alias = '') => (kind.pausable ? ` AND ${alias ? `${alias}.` : ''}archived_at IS NULL` : '');
const VERSION_COLUMNS = `id, version, published_at AS "publishedAt", draft_revision AS "draftRevision"`;

/**
 * The SQL of the one lifecycle every publishable kind shares: revisioned draft saves, publishing into numbered
 * immutable versions, listing and restoring versions, and state transitions. Every write that changes what
 * engines run bumps the merchant's publication revision in its transaction, so their caches reload.
 */
@Injectable()
export class PublishingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Writes `content` (bumping the revision) and `metadata` (not bumping it: a rename is not an edit of the draft)
   * when the row is at `expected` (any revision when null) and not archived. One statement when it succeeds.
   */
  async saveDraft(
    kind: PublishableKind,
    merchantId: string,
    id: string,
    expected: number | null,
    content: Record<string, unknown>,
    metadata: Record<string, unknown>,
  ): Promise<{ revision: number } | Refusal> {
    const params: unknown[] = [merchantId, id, expected];
    const sets = Object.entries({ ...content, ...metadata }).map(([column, value]) => {
      params.push(value);
      return `${column} = $${params.length}`;
    });
    if (Object.keys(content).length > 0) sets.push('revision = revision + 1');
    sets.push('updated_at = now()');
    const [rows]: [{ revision: number }[]] = await this.db.query(
      `UPDATE ${kind.table} SET ${sets.join(', ')}
        WHERE merchant_id = $1 AND id = $2 AND ($3::int IS NULL OR revision = $3)${notArchived(kind)}
        RETURNING revision`,
      params,
    );
    return rows[0] ?? this.whyNot(kind, merchantId, id);
  }

  /**
   * Freezes the draft into the next version (1, 2, 3… per row, consecutive under the row lock), makes it the
   * published one and bumps the publication revision, in one transaction. `build` turns the locked draft into the
   * version's content — validating, compiling, resolving pins with the same transaction — and may throw to refuse.
   */
  async publish(
    kind: PublishableKind,
    merchantId: string,
    id: string,
    expected: number | null,
    build: (draft: LockedDraft, manager: EntityManager) => Promise<BuiltVersion>,
  ): Promise<(VersionRow & { pins: VersionPin[] }) | Refusal> {
    return this.db.transaction(async (manager) => {
      const draftColumns = Object.keys(kind.draftContent);
      const rows: (PublishableState & Record<string, unknown>)[] = await manager.query(
        `SELECT ${stateColumns(kind)}, ${draftColumns.join(', ')} FROM ${kind.table}
          WHERE merchant_id = $1 AND id = $2 FOR UPDATE`,
        [merchantId, id],
      );
      const row = rows[0];
      if (!row) return { refused: 'missing' } as const;
      if (row.archivedAt) return { refused: 'archived' } as const;
      if (expected !== null && row.revision !== expected) return { refused: 'stale', currentRevision: row.revision } as const;
      const draft: LockedDraft = { ...row, content: Object.fromEntries(draftColumns.map((column) => [column, row[column]])) };
      const built = await build(draft, manager);
      const columns = versionContentColumns(kind);
      const params = [merchantId, id, row.revision, ...columns.map((column) => built.content[column])];
      if (kind.pins) params.push(JSON.stringify(built.pins));
      const insertColumns = [...columns, ...(kind.pins ? ['pinned_versions'] : [])];
      const [version]: VersionRow[] = await manager.query(
        `INSERT INTO ${kind.versionTable} (merchant_id, ${kind.ownerColumn}, version, draft_revision, ${insertColumns.join(', ')})
         VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM ${kind.versionTable} WHERE merchant_id = $1 AND ${kind.ownerColumn} = $2),
                 $3, ${insertColumns.map((_, index) => `$${index + 4}`).join(', ')})
         RETURNING ${VERSION_COLUMNS}`,
        params,
      );
      await manager.query(`UPDATE ${kind.table} SET published_version_id = $3 WHERE merchant_id = $1 AND id = $2`, [
        merchantId,
        id,
        version.id,
      ]);
      await bumpPublicationRevision(manager, merchantId);
      return { ...version, pins: built.pins };
    });
  }

  /** Newest first; null when the row is not the merchant's. */
  async versions(kind: PublishableKind, merchantId: string, id: string): Promise<VersionRow[] | null> {
    const rows: (VersionRow | { id: null })[] = await this.db.query(
      `SELECT v.id, v.version, v.published_at AS "publishedAt", v.draft_revision AS "draftRevision"
         FROM ${kind.table} t
         LEFT JOIN ${kind.versionTable} v ON v.merchant_id = t.merchant_id AND v.${kind.ownerColumn} = t.id
        WHERE t.merchant_id = $1 AND t.id = $2
        ORDER BY v.version DESC`,
      [merchantId, id],
    );
    if (rows.length === 0) return null;
    return rows.filter((row): row is VersionRow => row.id !== null);
  }

  async version(kind: PublishableKind, merchantId: string, id: string, version: number): Promise<VersionWithContent | null> {
    const columns = versionContentColumns(kind);
    const rows: (VersionRow & Record<string, unknown>)[] = await this.db.query(
      `SELECT ${VERSION_COLUMNS}, ${columns.join(', ')}${kind.pins ? ', pinned_versions' : ''}
         FROM ${kind.versionTable} WHERE merchant_id = $1 AND ${kind.ownerColumn} = $2 AND version = $3`,
      [merchantId, id, version],
    );
    const row = rows[0];
    if (!row) return null;
    const { id: versionId, version: number, publishedAt, draftRevision } = row;
    return {
      id: versionId,
      version: number,
      publishedAt,
      draftRevision,
      content: Object.fromEntries(columns.map((column) => [column, row[column]])),
      pins: (row.pinned_versions as VersionPin[] | undefined) ?? [],
    };
  }

  /** Copies a version's content into the draft as a new revision (the published version does not change). */
  async restore(
    kind: PublishableKind,
    merchantId: string,
    id: string,
    version: number,
    expected: number | null,
  ): Promise<{ revision: number } | Refusal> {
    const sets = Object.entries(kind.draftContent).map(([draftColumn, versionColumn]) => `${draftColumn} = v.${versionColumn}`);
    const [rows]: [{ revision: number }[]] = await this.db.query(
      `UPDATE ${kind.table} t SET ${sets.join(', ')}, revision = t.revision + 1, updated_at = now()
         FROM ${kind.versionTable} v
        WHERE t.merchant_id = $1 AND t.id = $2 AND ($4::int IS NULL OR t.revision = $4)${notArchived(kind, 't')}
          AND v.merchant_id = $1 AND v.${kind.ownerColumn} = $2 AND v.version = $3
        RETURNING t.revision`,
      [merchantId, id, version, expected],
    );
    if (rows[0]) return rows[0];
    const known = await this.db.query(
      `SELECT 1 FROM ${kind.versionTable} WHERE merchant_id = $1 AND ${kind.ownerColumn} = $2 AND version = $3`,
      [merchantId, id, version],
    );
    const refusal = await this.whyNot(kind, merchantId, id);
    return refusal.refused === 'missing' || known.length > 0 ? refusal : { refused: 'version_missing' };
  }

  /**
   * Applies a lifecycle action under the row's lock: `decide` (the shared rules) says what the state becomes.
   * When that changes whether new work starts or started work is held, the publication revision is bumped, and
   * `onRelease` runs in the transaction when held work may go on again.
   */
  async transition(
    kind: PublishableKind,
    merchantId: string,
    id: string,
    decide: (facts: LifecycleFacts) => LifecycleOutcome,
    at: Date,
    onRelease?: (manager: EntityManager) => Promise<void>,
  ): Promise<PublishableState | Refusal> {
    return this.db.transaction(async (manager) => {
      const rows: PublishableState[] = await manager.query(
        `SELECT ${stateColumns(kind)} FROM ${kind.table} WHERE merchant_id = $1 AND id = $2 FOR UPDATE`,
        [merchantId, id],
      );
      const before = rows[0];
      if (!before) return { refused: 'missing' } as const;
      const outcome = decide(factsOf(before));
      if (!outcome.ok) return { refused: 'status', reason: outcome.reason, state: before } as const;
      const { next } = outcome;
      const [updated]: [PublishableState[]] = await manager.query(
        `UPDATE ${kind.table}
            SET published_version_id = CASE WHEN $3 THEN published_version_id END,
                paused_at = CASE WHEN $4 THEN coalesce(paused_at, $6) END,
                archived_at = CASE WHEN $5 THEN coalesce(archived_at, $6) END
          WHERE merchant_id = $1 AND id = $2
          RETURNING ${stateColumns(kind)}`,
        [merchantId, id, next.published, next.paused, next.archived, at],
      );
      const was = factsOf(before);
      if (isLive(was) !== isLive(next) || isHeld(was) !== isHeld(next)) await bumpPublicationRevision(manager, merchantId);
      if (isHeld(was) && !isHeld(next)) await onRelease?.(manager);
      return updated[0];
    });
  }

  /** Of these ids of one kind, those that are the merchant's, with their published version (null: never published). */
  async currentVersions(
    kind: PublishableKind,
    merchantId: string,
    ids: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, CurrentVersion | null>> {
    const rows: { id: string; versionId: string | null; version: number | null }[] = await manager.query(
      `SELECT t.id, v.id AS "versionId", v.version
         FROM ${kind.table} t
         LEFT JOIN ${kind.versionTable} v ON v.merchant_id = t.merchant_id AND v.id = t.published_version_id
        WHERE t.merchant_id = $1 AND t.id = ANY($2::uuid[])`,
      [merchantId, [...ids]],
    );
    return new Map(
      rows.map((row) => [row.id, row.versionId === null ? null : { versionId: row.versionId, version: row.version as number }]),
    );
  }

  /** Why a conditional write on the row found nothing to write. */
  private async whyNot(kind: PublishableKind, merchantId: string, id: string): Promise<Refusal> {
    const rows: PublishableState[] = await this.db.query(
      `SELECT ${stateColumns(kind)} FROM ${kind.table} WHERE merchant_id = $1 AND id = $2`,
      [merchantId, id],
    );
    const row = rows[0];
    if (!row) return { refused: 'missing' };
    if (row.archivedAt) return { refused: 'archived' };
    // At another revision than `expected` (or, with none, changed between the write and this read: saving again will do).
    return { refused: 'stale', currentRevision: row.revision };
  }
}
