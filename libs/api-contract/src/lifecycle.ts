import { z } from 'zod';

/**
 * The lifecycle of anything edited as a draft and published into immutable versions (flows, e-mail templates;
 * later tracking pages…). What the engine enforces and the studio shows — which buttons a header offers — is
 * decided here, once.
 *
 * - draft: nothing is published (never, or unpublished);
 * - published: a version is live (for a flow: new runs start on it);
 * - paused: a version is published but nothing moves: no new runs, and the work of runs already started is held
 *   (due steps and messages wait) until it is resumed;
 * - archived: hidden from lists, held like a paused one; unarchiving brings a published flow back paused, so
 *   nothing starts sending again without a deliberate resume.
 */
export const PUBLICATION_STATUSES = ['draft', 'published', 'paused', 'archived'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** The state columns of a publishable row. */
export interface LifecycleFacts {
  published: boolean;
  paused: boolean;
  archived: boolean;
}

export const LIFECYCLE_ACTIONS = ['publish', 'pause', 'resume', 'archive', 'unarchive', 'unpublish'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export type LifecycleOutcome = { ok: true; next: LifecycleFacts } | { ok: false; reason: string };

export function publicationStatus(facts: LifecycleFacts): PublicationStatus {
  if (facts.archived) return 'archived';
  if (facts.paused) return 'paused';
  return facts.published ? 'published' : 'draft';
}

/** Whether new work starts (a flow's trigger listens). */
export function isLive(facts: LifecycleFacts): boolean {
  return facts.published && !facts.paused && !facts.archived;
}

/** Whether the work already started waits (a paused or archived flow's runs). */
export function isHeld(facts: LifecycleFacts): boolean {
  return facts.paused || facts.archived;
}

/**
 * What `action` makes of `facts`, or why it is refused. Repeating an action that already holds changes nothing
 * (pausing a paused flow, resuming a live one), so retries are harmless. Publishing keeps a paused flow paused: a
 * marketer pauses, fixes, publishes and then resumes.
 */
export function applyLifecycleAction(facts: LifecycleFacts, action: LifecycleAction, what = 'It'): LifecycleOutcome {
  const archivedFirst = { ok: false, reason: `${what} is archived: unarchive it first` } as const;
  switch (action) {
    case 'publish':
      return facts.archived ? archivedFirst : { ok: true, next: { ...facts, published: true } };
    case 'pause':
      if (facts.archived) return archivedFirst;
      if (!facts.published) return { ok: false, reason: `${what} is not published: there is nothing to pause` };
      return { ok: true, next: { ...facts, paused: true } };
    case 'resume':
      return facts.archived ? archivedFirst : { ok: true, next: { ...facts, paused: false } };
    case 'archive':
      return { ok: true, next: { ...facts, archived: true } };
    case 'unarchive':
      if (!facts.archived) return { ok: true, next: facts };
      return { ok: true, next: { published: facts.published, paused: facts.published, archived: false } };
    case 'unpublish':
      // Unpublishing lets the runs already started finish (their held work goes on); pausing is what holds them.
      return facts.archived ? archivedFirst : { ok: true, next: { published: false, paused: false, archived: false } };
  }
}

/** The actions a row in these facts accepts and that change something: the buttons a header shows. */
export function availableLifecycleActions(facts: LifecycleFacts): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((action) => {
    const outcome = applyLifecycleAction(facts, action);
    if (!outcome.ok) return false;
    // Publishing always makes a new version, so it is available even when `published` already holds.
    return action === 'publish' || publicationStatus(outcome.next) !== publicationStatus(facts);
  });
}

/** The draft's revision: every save names the one it edited, and a stale one is refused (409) rather than overwriting. */
export const revisionSchema = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
  .int('must be a whole number')
  .min(1, 'must be at least 1');

/** Publishing may name the revision it checked, so exactly the draft the editor shows is frozen. No body publishes the draft as it is. */
export const publishRequestSchema = z.object({ revision: revisionSchema.optional() }).default({});
export type PublishRequest = z.infer<typeof publishRequestSchema>;

/** Restoring a version makes its content the draft (a new revision); `revision` guards against overwriting an edit. */
export const restoreVersionRequestSchema = z.object({ revision: revisionSchema.optional() }).default({});
export type RestoreVersionRequest = z.infer<typeof restoreVersionRequestSchema>;

/** A published version as listed: its number, and the draft revision it froze (null for versions older than revisions). */
export const versionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  publishedAt: z.string(),
  draftRevision: z.number().int().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** The exact version of a referenced thing (a template) a published version uses, resolved when it was published. */
export const versionPinSchema = z.object({
  nodeId: z.string(),
  /** Where in the node's config the reference is, e.g. ["templateId"]. */
  path: z.array(z.union([z.string(), z.number()])),
  kind: z.string(),
  id: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
});
export type VersionPin = z.infer<typeof versionPinSchema>;

export const publicationStatusSchema = z.enum(PUBLICATION_STATUSES);
