import { z } from 'zod';
import { MESSAGE_STATES } from './messages';

/**
 * A run's state, from its steps: `running` while a step is queued or running (a retry included), `waiting`
 * when every open step is a wait (for a time or an event), then, once no step is open, `failed` if a step
 * failed, else `done`.
 */
export const FLOW_RUN_STATES = ['running', 'waiting', 'done', 'failed'] as const;
export type FlowRunState = (typeof FLOW_RUN_STATES)[number];

export const FLOW_STEP_STATES = ['queued', 'running', 'waiting', 'done', 'failed'] as const;

/** Filters combine; `version` needs `flowId`. Newest first, keyset paged (`cursor` = the last page's `nextCursor`). */
export const listFlowRunsQuerySchema = z
  .object({
    flowId: z.uuid('must be a flow id (UUID)').optional(),
    version: z.coerce.number('must be a version number').int('must be a version number').min(1, 'must be a version number').optional(),
    shipmentId: z.uuid('must be a shipment id (UUID)').optional(),
    state: z.enum(FLOW_RUN_STATES, `must be one of ${FLOW_RUN_STATES.join(', ')}`).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  })
  .refine((query) => query.version === undefined || query.flowId !== undefined, {
    path: ['version'],
    message: 'needs flowId (a version number is one of a flow)',
  });
export type ListFlowRunsQuery = z.infer<typeof listFlowRunsQuerySchema>;

export const flowRunSummarySchema = z.object({
  id: z.uuid(),
  flowId: z.uuid(),
  flowVersionId: z.uuid(),
  version: z.number().int(),
  shipmentId: z.uuid(),
  state: z.enum(FLOW_RUN_STATES),
  /** The trigger node that started it. */
  triggerNodeId: z.string(),
  createdAt: z.string(),
});
export type FlowRunSummary = z.infer<typeof flowRunSummarySchema>;

export const flowRunPageSchema = z.object({ items: z.array(flowRunSummarySchema), nextCursor: z.string().nullable() });

/** A message a node created: sent, queued, or skipped saying why (`skipReason`), or failed (`lastError`). */
export const flowRunMessageSchema = z.object({
  id: z.uuid(),
  channel: z.string(),
  recipient: z.string(),
  state: z.enum(MESSAGE_STATES),
  skipReason: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** One node of a run: when the run entered it, how it left (or what it waits for) and what it created. */
export const flowRunLogEntrySchema = z.object({
  nodeId: z.string(),
  /** The node's type in the run's version (null for a node the version no longer has, which cannot happen for a published one). */
  nodeType: z.string().nullable(),
  state: z.enum(FLOW_STEP_STATES),
  enteredAt: z.string(),
  /** When it was done or failed. */
  finishedAt: z.string().nullable(),
  /** The port it left by ('holdout' for an A/B split's holdout); null while open, or when it just ended. */
  port: z.string().nullable(),
  /** Set once it waited: until when (a wait for an event: its timeout). */
  waitingUntil: z.string().nullable(),
  /** The event a wait for an event waits (or waited) for: its type and the values it must match. */
  waitingFor: z
    .object({ type: z.string(), match: z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))) })
    .nullable(),
  /** The step is held because its flow is paused or archived. */
  held: z.boolean(),
  attempts: z.number().int(),
  /** Why the step failed, or why its last attempt did (it is retried). */
  error: z.string().nullable(),
  messages: z.array(flowRunMessageSchema),
});
export type FlowRunLogEntry = z.infer<typeof flowRunLogEntrySchema>;

export const flowRunDetailSchema = flowRunSummarySchema.extend({
  triggerEvent: z.object({ id: z.uuid(), type: z.string() }),
  /** In the order the run went through the nodes. */
  log: z.array(flowRunLogEntrySchema),
});
export type FlowRunDetail = z.infer<typeof flowRunDetailSchema>;

/**
 * A node's counters over every run of one flow version. `entered`: runs that reached it (a trigger: the runs it
 * started); `ports`: runs that left through each port (e.g. 'yes', 'holdout'); `ended`: runs that stopped there
 * (an exit); `failed`: steps that failed for good; `waiting`: runs waiting there now. Entered minus the others
 * is what is being worked on right now.
 */
export const flowNodeCountersSchema = z.object({
  nodeId: z.string(),
  entered: z.number().int(),
  ports: z.record(z.string(), z.number().int()),
  ended: z.number().int(),
  failed: z.number().int(),
  waiting: z.number().int(),
});
export type FlowNodeCounters = z.infer<typeof flowNodeCountersSchema>;

export const flowVersionCountersSchema = z.object({
  flowId: z.uuid(),
  flowVersionId: z.uuid(),
  version: z.number().int(),
  /** Every node of the version, in the order of its definition. */
  nodes: z.array(flowNodeCountersSchema),
});
export type FlowVersionCounters = z.infer<typeof flowVersionCountersSchema>;
