import { z } from 'zod';
import { dateTimeSchema } from './fields';

/** The longest range a replay covers: a month of a shop's shipments is what one request may read. */
export const DRY_RUN_MAX_RANGE_DAYS = 31;
/** How many rendered messages a range replay returns. */
export const DRY_RUN_SAMPLE_MESSAGES = 5;

const DAY_MS = 86_400_000;

/**
 * Either one shipment (`shipmentId`: the path it takes) or a range (`from`, `to`: what the flow would have done
 * with the shipments whose events fall in it), against the draft the editor shows or a published version.
 */
export const flowDryRunRequestSchema = z
  .object({
    shipmentId: z.uuid('must be a UUID').optional(),
    from: dateTimeSchema.optional(),
    to: dateTimeSchema.optional(),
    version: z
      .union([z.literal('draft'), z.number().int('must be a whole number').min(1, 'must be at least 1')], {
        error: 'must be "draft" or a version number',
      })
      .default('draft'),
  })
  .superRefine((body, ctx) => {
    const ranged = body.from !== undefined || body.to !== undefined;
    if (body.shipmentId !== undefined && ranged) {
      ctx.addIssue({ code: 'custom', path: ['shipmentId'], message: 'give either shipmentId or from and to, not both' });
      return;
    }
    if (body.shipmentId !== undefined) return;
    if (!ranged) {
      ctx.addIssue({ code: 'custom', path: ['shipmentId'], message: 'is required unless from and to are given' });
      return;
    }
    if (body.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required with to' });
    if (body.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required with from' });
    if (body.from === undefined || body.to === undefined) return;
    const span = Date.parse(body.to) - Date.parse(body.from);
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span > DRY_RUN_MAX_RANGE_DAYS * DAY_MS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${DRY_RUN_MAX_RANGE_DAYS} days after from` });
    }
  });
export type FlowDryRunRequest = z.infer<typeof flowDryRunRequestSchema>;

/** What one node decided for the simulated run, in the order the run went through it. */
export const dryRunDecisionSchema = z.object({
  nodeId: z.string(),
  type: z.string(),
  /** The node's summary as the canvas shows it. */
  summary: z.string(),
  /** Simulated time the run reached the node. */
  at: z.string(),
  /** The exit the run left by; null when the branch ended here. */
  port: z.string().nullable(),
  /** `continue`, `wait_until`, `wait_for` or `end`; `error` when the node could not decide. */
  outcome: z.string(),
  /** A wait: when the run goes on (simulated). */
  until: z.string().nullable(),
  /** A wait for an event: what it waited for (event type and the payload values that end it). */
  waitingFor: z.object({ type: z.string(), match: z.record(z.string(), z.array(z.unknown())) }).nullable(),
  /** Why this port, in words: the event that ended a wait, a timeout, an exit, an error. */
  why: z.string().nullable(),
});
export type DryRunDecision = z.infer<typeof dryRunDecisionSchema>;

/** A message the run would ask for, rendered as the customer would get it, with what the send guards would say. */
export const dryRunMessageSchema = z.object({
  nodeId: z.string(),
  channel: z.string(),
  recipient: z.string(),
  /** Simulated time the message would be due. */
  at: z.string(),
  /**
   * `would_send`; `skipped` (no address, no consent, not true any more), `deferred` (quiet hours), or
   * `render_failed`. Frequency caps are not judged: counting them is a write.
   */
  verdict: z.enum(['would_send', 'skipped', 'deferred', 'render_failed']),
  reason: z.string().nullable(),
  /** Deferred: when it would go. */
  deferredUntil: z.string().nullable(),
  /** E-mail: the subject; SMS: the text. */
  subject: z.string().nullable(),
  html: z.string().nullable(),
  text: z.string().nullable(),
  /** SMS: how many parts it takes, and their encoding. */
  segments: z.number().int().nullable(),
  encoding: z.string().nullable(),
});
export type DryRunMessage = z.infer<typeof dryRunMessageSchema>;

/** The path one shipment takes. */
export const shipmentDryRunSchema = z.object({
  shipmentId: z.uuid(),
  /** Whether an event of the shipment's history starts the flow (the first such event is replayed). */
  started: z.boolean(),
  /** The event replayed; null when none of the shipment's events starts the flow. */
  trigger: z.object({ nodeId: z.string(), eventId: z.string(), type: z.string(), at: z.string() }).nullable(),
  decisions: z.array(dryRunDecisionSchema),
  messages: z.array(dryRunMessageSchema),
});
export type ShipmentDryRun = z.infer<typeof shipmentDryRunSchema>;

/** Per node: how many runs entered it and left by each port (`ended` for branches that end there). */
export const dryRunNodeCountSchema = z.object({
  nodeId: z.string(),
  entered: z.number().int(),
  exits: z.record(z.string(), z.number().int()),
  ended: z.number().int(),
  failed: z.number().int(),
});
export type DryRunNodeCount = z.infer<typeof dryRunNodeCountSchema>;

/** What the flow would have done with the range's shipments: counts on the canvas, a few rendered messages. */
export const rangeDryRunSchema = z.object({
  from: z.string(),
  to: z.string(),
  shipments: z.number().int(),
  runs: z.number().int(),
  nodes: z.array(dryRunNodeCountSchema),
  /** Messages asked for, by what the guards would say. */
  messages: z.object({
    total: z.number().int(),
    wouldSend: z.number().int(),
    skipped: z.number().int(),
    deferred: z.number().int(),
  }),
  samples: z.array(dryRunMessageSchema),
});
export type RangeDryRun = z.infer<typeof rangeDryRunSchema>;

/** The answer: `shipment` for a body with `shipmentId`, `range` for one with `from` and `to`; the other is null. */
export const flowDryRunResponseSchema = z.object({
  /** What was simulated: the draft or a published version number. */
  version: z.union([z.literal('draft'), z.number().int()]),
  shipment: shipmentDryRunSchema.nullable(),
  range: rangeDryRunSchema.nullable(),
});
export type FlowDryRunResponse = z.infer<typeof flowDryRunResponseSchema>;
