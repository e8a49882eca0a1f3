import { z } from 'zod';
import { publicationStatusSchema, revisionSchema, versionSummarySchema } from './lifecycle';

export const EMAIL_TEMPLATE_NAME_MAX_LENGTH = 200;
export const EMAIL_TEMPLATE_SUBJECT_MAX_LENGTH = 500;
export const EMAIL_TEMPLATE_MJML_MAX_BYTES = 500 * 1024;

const utf8 = new TextEncoder();

const nameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .min(1, 'is required')
  .max(EMAIL_TEMPLATE_NAME_MAX_LENGTH, `must be at most ${EMAIL_TEMPLATE_NAME_MAX_LENGTH} characters`);

/** A draft may be incomplete (even empty): publishing is what refuses an unusable subject. */
const subjectSchema = z
  .string()
  .max(EMAIL_TEMPLATE_SUBJECT_MAX_LENGTH, `must be at most ${EMAIL_TEMPLATE_SUBJECT_MAX_LENGTH} characters`);

// Measured in bytes, as stored and sent, not in UTF-16 units.
const mjmlSchema = z
  .string()
  .refine((mjml) => utf8.encode(mjml).length <= EMAIL_TEMPLATE_MJML_MAX_BYTES, 'must be at most 500 KB');

/** Subject and MJML default to the starter template when left out. */
export const createEmailTemplateRequestSchema = z.object({
  name: nameSchema,
  subject: subjectSchema.optional(),
  mjml: mjmlSchema.optional(),
});
export type CreateEmailTemplateRequest = z.infer<typeof createEmailTemplateRequestSchema>;

/**
 * Edits the draft only; published versions never change. With `revision` the save happens only if the draft is
 * still at it (409 otherwise); without, it is unconditional — the editor always uses PUT …/draft, which requires it.
 */
export const updateEmailTemplateRequestSchema = z.object({
  name: nameSchema.optional(),
  subject: subjectSchema.optional(),
  mjml: mjmlSchema.optional(),
  revision: revisionSchema.optional(),
});
export type UpdateEmailTemplateRequest = z.infer<typeof updateEmailTemplateRequestSchema>;

/** Previews the draft, or the unsaved subject/MJML given here (what the editor currently shows). */
export const previewEmailTemplateRequestSchema = z
  .object({
    subject: subjectSchema.optional(),
    mjml: mjmlSchema.optional(),
  })
  // No body at all previews the saved draft.
  .default({});
export type PreviewEmailTemplateRequest = z.infer<typeof previewEmailTemplateRequestSchema>;

/** Saves the draft the editor shows, edited from `revision`: a stale revision gets 409 with the current draft. */
export const saveEmailTemplateDraftRequestSchema = z.object({
  revision: revisionSchema,
  subject: subjectSchema,
  mjml: mjmlSchema,
  name: nameSchema.optional(),
});
export type SaveEmailTemplateDraftRequest = z.infer<typeof saveEmailTemplateDraftRequestSchema>;

/** Republishes the flows pinned to an older version of the template (all of them, or those named). */
export const republishFlowsRequestSchema = z
  .object({ flowIds: z.array(z.uuid('must be a flow id (UUID)')).min(1, 'must name at least one flow').max(500).optional() })
  .default({});
export type RepublishFlowsRequest = z.infer<typeof republishFlowsRequestSchema>;

export const emailTemplateSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  subject: z.string(),
  status: publicationStatusSchema,
  revision: z.number().int(),
  /** The number of the version flows pin when they are published; null while nothing is published. */
  publishedVersion: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EmailTemplateSummaryView = z.infer<typeof emailTemplateSummarySchema>;

export const emailTemplateDetailSchema = emailTemplateSummarySchema.extend({
  mjml: z.string(),
  /** Newest first. */
  versions: z.array(versionSummarySchema),
});
export type EmailTemplateDetailView = z.infer<typeof emailTemplateDetailSchema>;

export const emailTemplateVersionSchema = versionSummarySchema.extend({
  templateId: z.uuid(),
  subject: z.string(),
  mjml: z.string(),
  /** Compiled once, at publish; still holding the Liquid each send fills in. */
  html: z.string(),
});
export type EmailTemplateVersionView = z.infer<typeof emailTemplateVersionSchema>;

/** A flow whose published version sends this template, and the version of it that flow version pins. */
export const pinnedFlowSchema = z.object({
  flowId: z.uuid(),
  name: z.string(),
  status: publicationStatusSchema,
  flowVersion: z.number().int(),
  pinnedVersion: z.number().int(),
  /** Pinned to an older version than the template's published one: republishing the flow would update it. */
  outdated: z.boolean(),
});
export type PinnedFlow = z.infer<typeof pinnedFlowSchema>;

export const publishedEmailTemplateVersionSchema = versionSummarySchema.extend({
  templateId: z.uuid(),
  /** Flows still sending an older version: POST …/republish-flows moves them to this one. */
  outdatedFlows: z.array(pinnedFlowSchema),
});
export type PublishedEmailTemplateVersionView = z.infer<typeof publishedEmailTemplateVersionSchema>;

export const republishFlowsResponseSchema = z.object({
  /** Each flow named once, with its new version and the template version it now pins. */
  republished: z.array(z.object({ flowId: z.uuid(), name: z.string(), version: z.number().int(), pinnedVersion: z.number().int() })),
});
export type RepublishFlowsResponse = z.infer<typeof republishFlowsResponseSchema>;
