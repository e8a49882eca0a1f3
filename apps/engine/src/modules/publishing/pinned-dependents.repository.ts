import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VersionPin } from '@postino/api-contract';
import { DataSource } from 'typeorm';
import { bumpPublicationRevision } from '../merchants/publication-revision';
import { PINNING_KINDS, PublishableKind, versionContentColumns } from './publishable-kinds';
import type { PublishableState } from './publishing.repository';
import { CurrentVersion, repin } from './version-pins';

/** A row whose published version pins a version of the thing asked about. */
export interface PinnedDependent {
  kind: PublishableKind;
  id: string;
  name: string;
  state: PublishableState;
  /** Its published version, the one that pins. */
  version: number;
  pinned: CurrentVersion;
}

export interface Republished {
  kind: PublishableKind;
  id: string;
  name: string;
  version: number;
  pinned: CurrentVersion;
}

interface DependentRow extends PublishableState {
  id: string;
  name: string;
  versionId: string;
  version: number;
  pins: VersionPin[];
}

function dependentsQuery(kind: PublishableKind, lock: boolean): string {
  const pause = kind.pausable
    ? `d.paused_at AS "pausedAt", d.archived_at AS "archivedAt"`
    : `NULL::timestamptz AS "pausedAt", NULL::timestamptz AS "archivedAt"`;
  return `SELECT d.id, d.name, d.revision, d.published_version_id AS "publishedVersionId", ${pause},
                 v.id AS "versionId", v.version, v.pinned_versions AS pins
            FROM ${kind.table} d
            JOIN ${kind.versionTable} v ON v.merchant_id = d.merchant_id AND v.id = d.published_version_id
           WHERE d.merchant_id = $1 AND v.pinned_versions @> jsonb_build_array(jsonb_build_object('kind', $2::text, 'id', $3::text))
           ORDER BY d.name, d.id${lock ? ' FOR UPDATE OF d' : ''}`;
}

/** The pin of `kind:id` in a version (all its pins of one thing share a version: they were resolved together). */
function pinOf(pins: readonly VersionPin[], target: { kind: string; id: string }): CurrentVersion {
  const pin = pins.find((p) => p.kind === target.kind && p.id === target.id);
  if (!pin) throw new Error(`no pin of ${target.kind} ${target.id}`);
  return { versionId: pin.versionId, version: pin.version };
}

/**
 * Who pins what: the published versions (of flows, today) that use a version of a template, and the one call
 * that moves them all to its current version — a new version of each, in one transaction, with one bump of the
 * publication revision. A fixed number of statements however many rows it moves.
 */
@Injectable()
export class PinnedDependentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The rows whose published version pins `target` `id`, by name. */
  async pinning(target: PublishableKind, merchantId: string, id: string): Promise<PinnedDependent[]> {
    const found: PinnedDependent[] = [];
    for (const kind of PINNING_KINDS) {
      const rows: DependentRow[] = await this.db.query(dependentsQuery(kind, false), [merchantId, target.name, id]);
      for (const row of rows) found.push(this.dependentOf(kind, row, { kind: target.name, id }));
    }
    return found;
  }

  /**
   * Gives every row (of `only` when given) whose published version pins an older version of `target` `id` a new
   * version: the same content and pins, with that thing's pins moved to its published version. Archived rows are
   * left alone. Returns null when `id` is not the merchant's; an empty list when nothing is behind.
   */
  async republishPinning(
    target: PublishableKind,
    merchantId: string,
    id: string,
    only: readonly string[] | null,
  ): Promise<Republished[] | null> {
    return this.db.transaction(async (manager) => {
      const targets: { versionId: string | null; version: number | null }[] = await manager.query(
        `SELECT v.id AS "versionId", v.version
           FROM ${target.table} t
           LEFT JOIN ${target.versionTable} v ON v.merchant_id = t.merchant_id AND v.id = t.published_version_id
          WHERE t.merchant_id = $1 AND t.id = $2
          FOR SHARE OF t`,
        [merchantId, id],
      );
      if (targets.length === 0) return null;
      const { versionId, version } = targets[0];
      if (versionId === null || version === null) return [];
      const current: CurrentVersion = { versionId, version };
      const reference = { kind: target.name, id };
      const republished: Republished[] = [];
      for (const kind of PINNING_KINDS) {
        const rows: DependentRow[] = await manager.query(dependentsQuery(kind, true), [merchantId, target.name, id]);
        const behind = rows.filter(
          (row) =>
            row.archivedAt === null &&
            (only === null || only.includes(row.id)) &&
            pinOf(row.pins, reference).versionId !== current.versionId,
        );
        if (behind.length === 0) continue;
        const columns = versionContentColumns(kind);
        const created: { id: string; ownerId: string; version: number }[] = await manager.query(
          `INSERT INTO ${kind.versionTable} (merchant_id, ${kind.ownerColumn}, version, draft_revision, ${columns.join(', ')}, pinned_versions)
           SELECT old.merchant_id, old.${kind.ownerColumn},
                  (SELECT max(x.version) + 1 FROM ${kind.versionTable} x WHERE x.${kind.ownerColumn} = old.${kind.ownerColumn}),
                  old.draft_revision, ${columns.map((column) => `old.${column}`).join(', ')}, u.pins
             FROM unnest($2::uuid[], $3::jsonb[]) AS u(old_id, pins)
             JOIN ${kind.versionTable} old ON old.merchant_id = $1 AND old.id = u.old_id
           RETURNING id, ${kind.ownerColumn} AS "ownerId", version`,
          [merchantId, behind.map((row) => row.versionId), behind.map((row) => JSON.stringify(repin(row.pins, reference, current)))],
        );
        await manager.query(
          `UPDATE ${kind.table} d SET published_version_id = u.version_id
             FROM unnest($2::uuid[], $3::uuid[]) AS u(id, version_id)
            WHERE d.merchant_id = $1 AND d.id = u.id`,
          [merchantId, created.map((row) => row.ownerId), created.map((row) => row.id)],
        );
        const names = new Map(behind.map((row) => [row.id, row.name]));
        for (const row of created) {
          republished.push({ kind, id: row.ownerId, name: names.get(row.ownerId) ?? '', version: row.version, pinned: current });
        }
      }
      if (republished.length > 0) await bumpPublicationRevision(manager, merchantId);
      return republished.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    });
  }

  private dependentOf(kind: PublishableKind, row: DependentRow, target: { kind: string; id: string }): PinnedDependent {
    const { id, name, version, pins, revision, publishedVersionId, pausedAt, archivedAt } = row;
    return { kind, id, name, state: { revision, publishedVersionId, pausedAt, archivedAt }, version, pinned: pinOf(pins, target) };
  }
}
