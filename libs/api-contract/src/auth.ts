import { z } from 'zod';

export const loginRequestSchema = z.object({
  email: z.string().trim().email('must be an e-mail address').max(320),
  password: z.string().min(1, 'is required').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const USER_ROLES = ['owner', 'marketer', 'agent'] as const;
