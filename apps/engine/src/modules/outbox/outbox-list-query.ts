import { z } from 'zod';
import { decodeOutboxCursor } from './outbox-cursor';

export const OUTBOX_PAGE_SIZE = { default: 50, max: 100 };

/**
 * `GET /api/v1/outbox?channel=&cursor=&limit=`; an unusable cursor is a 400 naming the field, like any bad input.
 * Without `channel`, every channel's captures in one list; a channel no capture speaks is refused by the service.
 */
export const outboxListQuerySchema = z.object({
  channel: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'must be a channel name such as email or sms')
    .optional(),
  cursor: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return null;
      const cursor = decodeOutboxCursor(value);
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'is not a cursor this endpoint returned' });
      return cursor;
    }),
  limit: z.coerce.number().int().min(1).max(OUTBOX_PAGE_SIZE.max).default(OUTBOX_PAGE_SIZE.default),
});
