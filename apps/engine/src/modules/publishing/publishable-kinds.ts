import type { NodeReference } from '@postino/flow-model';

/**
 * How one kind of thing edited as a draft and published into immutable versions is stored. Every such kind has
 * a row with `merchant_id`, `name`, `revision`, `published_version_id`, `updated_at` (plus `paused_at` and
 * `archived_at` when it can be paused), and a versions table with `merchant_id`, the owner column, `version`,
 * `draft_revision` and `published_at` (plus `pinned_versions` when its versions pin what they reference).
 * Table and column names here are constants, never input: the publishing repository builds its SQL from them.
 */
export interface PublishableKind {
  /** As references and pins name it ('email_template'). */
  readonly name: string;
  /** For messages: "Flow not found". */
  readonly label: string;
  readonly table: string;
  readonly versionTable: string;
  /** The versions table's column naming the row a version belongs to. */
  readonly ownerColumn: string;
  /** Draft column → version column: frozen by publishing, copied back by restoring a version. */
  readonly draftContent: Readonly<Record<string, string>>;
  /** Version columns publishing derives from the draft (compiled HTML); copied as they are when republishing. */
  readonly derivedContent: readonly string[];
  /** Whether its versions pin the exact versions of what they reference (a flow's templates). */
  readonly pins: boolean;
  /** Whether it can be paused and archived. */
  readonly pausable: boolean;
}

export const FLOWS: PublishableKind = {
  name: 'flow',
  label: 'Flow',
  table: 'flows',
  versionTable: 'flow_versions',
  ownerColumn: 'flow_id',
  draftContent: { draft: 'definition' },
  derivedContent: [],
  pins: true,
  pausable: true,
};

export const EMAIL_TEMPLATES: PublishableKind = {
  name: 'email_template',
  label: 'Email template',
  table: 'email_templates',
  versionTable: 'email_template_versions',
  ownerColumn: 'template_id',
  draftContent: { subject: 'subject', mjml: 'mjml' },
  derivedContent: ['html'],
  pins: false,
  pausable: false,
};

/** What each kind of node reference points at; a new reference kind does not compile until it is publishable. */
export const REFERENCED_KINDS: Record<NodeReference['kind'], PublishableKind> = {
  email_template: EMAIL_TEMPLATES,
};

/** The kinds whose versions pin others: asked who still uses an older version of something. */
export const PINNING_KINDS: readonly PublishableKind[] = [FLOWS];

/** Every version column holding content, in a fixed order. */
export function versionContentColumns(kind: PublishableKind): string[] {
  return [...Object.values(kind.draftContent), ...kind.derivedContent];
}
