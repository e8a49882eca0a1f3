import { z } from 'zod';

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

/** Edits the draft only; published versions never change. */
export const updateEmailTemplateRequestSchema = z.object({
  name: nameSchema.optional(),
  subject: subjectSchema.optional(),
  mjml: mjmlSchema.optional(),
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
