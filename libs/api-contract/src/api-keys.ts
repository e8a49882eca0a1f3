import { z } from 'zod';

export const createApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;
