import { flowDocumentSchema } from '@postino/flow-model';
import { z } from 'zod';

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

export const updateFlowRequestSchema = z.object({
  name: nameSchema.optional(),
  definition: flowDocumentSchema.optional(),
});
export type UpdateFlowRequest = z.infer<typeof updateFlowRequestSchema>;
