import { Injectable } from '@nestjs/common';
import { applyLifecycleAction, LifecycleAction, publicationStatus, VersionPin } from '@postino/api-contract';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../../common/http/api-error';
import { Clock } from '../clock/clock';
import { PinnedDependent, PinnedDependentsRepository, Republished } from './pinned-dependents.repository';
import { PublishableKind, REFERENCED_KINDS } from './publishable-kinds';
import { draftConflict, statusConflict, versionNotFound } from './publishing.errors';
import {
  BuiltVersion,
  factsOf,
  isRefusal,
  LockedDraft,
  PublishableState,
  PublishingRepository,
  Refusal,
  VersionRow,
  VersionWithContent,
} from './publishing.repository';
import { CurrentVersion, CurrentVersions, referenceKey } from './version-pins';

/** Reads what the caller sees of the row now: sent back with a conflict, so an editor can reload without asking again. */
export type CurrentReader = () => Promise<unknown>;

/** A draft save: the revision it was edited from (none: unconditional), content that bumps it, metadata that does not. */
export interface DraftSave {
  revision?: number;
  content?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/**
 * The one lifecycle of everything edited as a draft and published into immutable versions (flows and e-mail
 * templates today). Kinds describe their tables (publishable-kinds.ts) and bring what is theirs — how a draft is
 * checked and frozen, what held work a resume releases — and get the same revisions, conflicts, version numbers,
 * restores, state rules (from @postino/api-contract) and answers.
 */
@Injectable()
export class PublishingService {
  constructor(
    private readonly repository: PublishingRepository,
    private readonly dependents: PinnedDependentsRepository,
    private readonly clock: Clock,
  ) {}

  /** Saves the draft; a stale revision answers 409 with the current one and `current()`, and writes nothing. */
  async saveDraft(kind: PublishableKind, merchantId: string, id: string, save: DraftSave, current: CurrentReader): Promise<void> {
    const saved = await this.repository.saveDraft(
      kind,
      merchantId,
      id,
      save.revision ?? null,
      save.content ?? {},
      save.metadata ?? {},
    );
    if (isRefusal(saved)) throw await this.errorOf(kind, saved, save.revision, current);
  }

  /** Validates and freezes the draft (at `revision`, when given) into the next version. */
  async publish(
    kind: PublishableKind,
    merchantId: string,
    id: string,
    revision: number | undefined,
    build: (draft: LockedDraft, manager: EntityManager) => Promise<BuiltVersion>,
    current: CurrentReader,
  ): Promise<VersionRow & { pins: VersionPin[] }> {
    const published = await this.repository.publish(kind, merchantId, id, revision ?? null, build);
    if (isRefusal(published)) throw await this.errorOf(kind, published, revision, current);
    return published;
  }

  /** Newest first; 404 when the row is not the merchant's. */
  async versions(kind: PublishableKind, merchantId: string, id: string): Promise<VersionRow[]> {
    const versions = await this.repository.versions(kind, merchantId, id);
    if (!versions) throw ApiError.notFound(kind.label);
    return versions;
  }

  async version(kind: PublishableKind, merchantId: string, id: string, version: number): Promise<VersionWithContent> {
    const found = await this.repository.version(kind, merchantId, id, version);
    if (found) return found;
    if (!(await this.repository.versions(kind, merchantId, id))) throw ApiError.notFound(kind.label);
    throw versionNotFound(kind.label);
  }

  /** Makes a version's content the draft, as a new revision; what is published does not change until published. */
  async restore(
    kind: PublishableKind,
    merchantId: string,
    id: string,
    version: number,
    revision: number | undefined,
    current: CurrentReader,
  ): Promise<void> {
    const restored = await this.repository.restore(kind, merchantId, id, version, revision ?? null);
    if (isRefusal(restored)) throw await this.errorOf(kind, restored, revision, current);
  }

  /**
   * Pause, resume, archive, unarchive or unpublish, by the shared rules. `release` runs in the transaction when
   * work held while paused or archived may go on again.
   */
  async apply(
    kind: PublishableKind,
    merchantId: string,
    id: string,
    action: Exclude<LifecycleAction, 'publish'>,
    release?: (manager: EntityManager, at: Date) => Promise<void>,
  ): Promise<PublishableState> {
    if (!kind.pausable) throw new Error(`${kind.label}s have no lifecycle states to change`);
    const at = this.clock.now();
    const state = await this.repository.transition(
      kind,
      merchantId,
      id,
      (facts) => applyLifecycleAction(facts, action, `The ${kind.label.toLowerCase()}`),
      at,
      release && ((manager) => release(manager, at)),
    );
    if (isRefusal(state)) throw await this.errorOf(kind, state, undefined, async () => null);
    return state;
  }

  /** The published version of every referenced thing that is the merchant's: one query per kind referenced. */
  async currentVersions(
    manager: EntityManager,
    merchantId: string,
    references: readonly { kind: keyof typeof REFERENCED_KINDS; id: string }[],
  ): Promise<CurrentVersions> {
    const idsByKind = new Map<keyof typeof REFERENCED_KINDS, Set<string>>();
    for (const { kind, id } of references) idsByKind.set(kind, (idsByKind.get(kind) ?? new Set()).add(id));
    const current = new Map<string, CurrentVersion | null>();
    for (const [kind, ids] of idsByKind) {
      const found = await this.repository.currentVersions(REFERENCED_KINDS[kind], merchantId, [...ids], manager);
      for (const [id, version] of found) current.set(referenceKey(kind, id), version);
    }
    return current;
  }

  /** The rows whose published version pins `id` (of `kind`), each saying whether it pins an older version than the current one. */
  async pinning(kind: PublishableKind, merchantId: string, id: string): Promise<(PinnedDependent & { outdated: boolean })[]> {
    const [dependents, current] = await Promise.all([
      this.dependents.pinning(kind, merchantId, id),
      this.repository.currentVersions(kind, merchantId, [id]),
    ]);
    if (!current.has(id)) throw ApiError.notFound(kind.label);
    const published = current.get(id)?.versionId;
    return dependents.map((dependent) => ({ ...dependent, outdated: dependent.pinned.versionId !== published }));
  }

  /** Moves every row pinned to an older version of `id` (or those of `only`) to its published version. */
  async republishPinning(kind: PublishableKind, merchantId: string, id: string, only?: readonly string[]): Promise<Republished[]> {
    const republished = await this.dependents.republishPinning(kind, merchantId, id, only ?? null);
    if (!republished) throw ApiError.notFound(kind.label);
    return republished;
  }

  private async errorOf(kind: PublishableKind, refusal: Refusal, edited: number | undefined, current: CurrentReader): Promise<ApiError> {
    switch (refusal.refused) {
      case 'missing':
        return ApiError.notFound(kind.label);
      case 'version_missing':
        return versionNotFound(kind.label);
      case 'archived':
        return statusConflict(`The ${kind.label.toLowerCase()} is archived: unarchive it first`, 'archived');
      case 'stale':
        return draftConflict(kind.label, edited ?? refusal.currentRevision, refusal.currentRevision, await current());
      case 'status':
        return statusConflict(refusal.reason, publicationStatus(factsOf(refusal.state)));
    }
  }
}
