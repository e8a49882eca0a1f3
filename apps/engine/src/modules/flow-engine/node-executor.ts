import type { FlowNode } from '@postino/flow-model';

export interface NodeExecutionContext {
  merchantId: string;
  runId: string;
  stepId: string;
  node: FlowNode;
  shipmentId: string;
  triggerEventId: string;
  triggerPayload: unknown;
}

/** What a node did: the output port to follow, or null to end this branch. */
export interface NodeOutcome {
  port: string | null;
}

/** The engine half of a node type: its schema, ports and labels live in @postino/flow-model. */
export interface NodeExecutor {
  readonly type: string;
  execute(context: NodeExecutionContext): Promise<NodeOutcome>;
}

/** An error that retrying cannot fix (a missing template, a broken definition). */
export class PermanentStepError extends Error {}

export const NODE_EXECUTORS = Symbol('NODE_EXECUTORS');
