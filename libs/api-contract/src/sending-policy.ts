import { quietHoursSchema } from '@postino/flow-model';
import { z } from 'zod';
import { timeZoneSchema } from './fields';

/** The channels a frequency cap may limit. */
export const CAPPED_CHANNELS = ['email', 'sms'] as const;

export const MAX_CAP_WINDOW_HOURS = 24 * 30;

/** At most `max` messages per recipient on `channel` within any `windowHours` hours. */
export const frequencyCapSchema = z.object({
  channel: z.enum(CAPPED_CHANNELS, `must be one of ${CAPPED_CHANNELS.join(', ')}`),
  max: z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(1000),
  windowHours: z
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be at least 1 hour')
    .max(MAX_CAP_WINDOW_HOURS, `must be at most ${MAX_CAP_WINDOW_HOURS} hours (30 days)`),
});
export type FrequencyCap = z.infer<typeof frequencyCapSchema>;

/**
 * How a merchant's messages go out. `timezone` is the shop's, used for recipients whose own zone is unknown
 * (after their destination country's); quiet hours apply in the recipient's zone, and a send node may
 * override them; frequency caps count every flow's messages to the same recipient.
 */
export const sendingPolicySchema = z.object({
  timezone: timeZoneSchema,
  quietHours: quietHoursSchema.nullable(),
  frequencyCaps: z
    .array(frequencyCapSchema, 'must be a list')
    .max(10, 'must hold at most 10 caps')
    .refine(
      (caps) => new Set(caps.map((c) => `${c.channel}:${c.windowHours}`)).size === caps.length,
      'must not hold two caps for the same channel and window',
    ),
});
export type SendingPolicy = z.infer<typeof sendingPolicySchema>;

export const DEFAULT_SENDING_POLICY: SendingPolicy = { timezone: 'UTC', quietHours: null, frequencyCaps: [] };
