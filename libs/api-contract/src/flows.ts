import { flowDocumentSchema } from '@postino/flow-model';
import { z } from 'zod';
import { publicationStatusSchema, revisionSchema, versionPinSchema, versionSummarySchema } from './lifecycle';

export const FLOW_NAME_MAX_LENGTH = 200;

const nameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .min(1, 'is required')
  .max(FLOW_NAME_MAX_LENGTH, `must be at most ${FLOW_NAME_MAX_LENGTH} characters`);

/** A draft is checked for structure only; publishing checks that it can run. */
export const createFlowRequestSchema = z.object({
  name: nameSchema,
  definition: flowDocumentSchema,
});
export type CreateFlowRequest = z.infer<typeof createFlowRequestSchema>;

/**
 * Renames and/or replaces the draft. With `revision` the save happens only if the draft is still at it (409
 * otherwise); without, it is unconditional — the editor always uses PUT …/draft, which requires it.
 */
export const updateFlowRequestSchema = z.object({
  name: nameSchema.optional(),
  definition: flowDocumentSchema.optional(),
  revision: revisionSchema.optional(),
});
export type UpdateFlowRequest = z.infer<typeof updateFlowRequestSchema>;

/** Saves the draft the editor shows, edited from `revision`: a stale revision gets 409 with the current draft. */
export const saveFlowDraftRequestSchema = z.object({
  revision: revisionSchema,
  definition: flowDocumentSchema,
  name: nameSchema.optional(),
});
export type SaveFlowDraftRequest = z.infer<typeof saveFlowDraftRequestSchema>;

/** Archived flows are left out of the list unless asked for (then only they are listed). */
export const listFlowsQuerySchema = z.object({
  archived: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((value) => value === 'true'),
});
export type ListFlowsQuery = z.infer<typeof listFlowsQuerySchema>;

export const flowSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: publicationStatusSchema,
  /** The draft's revision: what the next save must name. */
  revision: z.number().int(),
  /** The version new runs start on (while published); null when nothing is published. */
  publishedVersion: versionSummarySchema.nullable(),
  pausedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FlowSummaryView = z.infer<typeof flowSummarySchema>;

export const flowDetailSchema = flowSummarySchema.extend({
  draft: flowDocumentSchema,
  /** Newest first. */
  versions: z.array(versionSummarySchema),
});
export type FlowDetailView = z.infer<typeof flowDetailSchema>;

/** A published version: what runs on it execute, and the template versions its send nodes send. */
export const flowVersionSchema = versionSummarySchema.extend({
  flowId: z.uuid(),
  definition: flowDocumentSchema,
  pins: z.array(versionPinSchema),
});
export type FlowVersionView = z.infer<typeof flowVersionSchema>;

export const publishedFlowVersionSchema = versionSummarySchema.extend({
  flowId: z.uuid(),
  pins: z.array(versionPinSchema),
});
export type PublishedFlowVersionView = z.infer<typeof publishedFlowVersionSchema>;
