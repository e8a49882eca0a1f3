import { z } from 'zod';

export const uuidParamSchema = z.string().uuid('must be a UUID');

/** The error body of every 4xx/5xx answer of the API. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  details: z.unknown().nullable(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** What writing one item of shop data did: `unchanged` when the stored item already said the same. */
export const UPSERT_OUTCOMES = ['created', 'updated', 'unchanged'] as const;
export type UpsertOutcome = (typeof UPSERT_OUTCOMES)[number];
