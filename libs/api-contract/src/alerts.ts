import { z } from 'zod';
import { emailSchema } from './fields';

/** open → assigned (and reassigned) → resolved; a resolved alert stays resolved. */
export const ALERT_STATES = ['open', 'assigned', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Who acted on an alert: a studio user or an API key. */
export const alertActorSchema = z.object({ kind: z.enum(['user', 'api_key']), id: z.uuid() });

/** An alert an `alert_team` node opened about a shipment, for the shop's team. */
export const alertSchema = z.object({
  id: z.uuid(),
  state: z.enum(ALERT_STATES),
  title: z.string(),
  note: z.string().nullable(),
  shipmentId: z.uuid(),
  trackingNumber: z.string(),
  runId: z.uuid(),
  flowId: z.uuid(),
  nodeId: z.string(),
  assignee: z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable(),
  assignedAt: z.string().nullable(),
  assignedBy: alertActorSchema.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: alertActorSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertPageSchema = z.object({ items: z.array(alertSchema), nextCursor: z.string().nullable() });

export const listAlertsQuerySchema = z.object({
  state: z.enum(ALERT_STATES, `must be one of ${ALERT_STATES.join(', ')}`).optional(),
  shipmentId: z.uuid('must be a UUID').optional(),
  assigneeId: z.uuid('must be a UUID').optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuerySchema>;

/** The user to assign, by id or by e-mail: exactly one of them. */
export const assignAlertRequestSchema = z
  .object({ userId: z.uuid('must be a UUID').optional(), email: emailSchema.optional() })
  .superRefine((body, ctx) => {
    if ((body.userId === undefined) === (body.email === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'give either userId or email' });
    }
  });
export type AssignAlertRequest = z.infer<typeof assignAlertRequestSchema>;

/**
 * Where alert e-mails go: the shop's team address, or — while none is set — the e-mail of the shop's first
 * owner (`effectiveTeamEmail`).
 */
export const teamSettingsSchema = z.object({ teamEmail: emailSchema.nullable() });
export type TeamSettings = z.infer<typeof teamSettingsSchema>;
export const teamSettingsResponseSchema = teamSettingsSchema.extend({ effectiveTeamEmail: z.string().nullable() });
