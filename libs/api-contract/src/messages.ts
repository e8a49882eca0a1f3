import { z } from 'zod';

export const MESSAGE_STATES = ['queued', 'sending', 'sent', 'failed', 'uncertain', 'skipped'] as const;

/** A message as listed beside its customer. */
export const messageSummarySchema = z.object({
  id: z.uuid(),
  shipmentId: z.uuid(),
  channel: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  state: z.enum(MESSAGE_STATES),
  skipReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;
