import type { ConfigOf, FlowEvent, StepNodeType } from '@postino/flow-model';
import type { ShipmentRow } from '../tracking/shipment';

/** What a node did, and so where its run goes next. */
export type NodeOutcome =
  /** Go on through `port` now. */
  | { kind: 'continue'; port: string }
  /** Go on through `port` at `until` (a time in the past or now continues at once). */
  | { kind: 'wait_until'; until: Date; port: string }
  /** This branch of the run ends here. */
  | { kind: 'end' };

/** One step of one run, as its executor sees it: the node's config already parsed by its type's schema. */
export interface StepContext<TConfig = unknown> {
  merchantId: string;
  runId: string;
  stepId: string | null;
  nodeId: string;
  config: TConfig;
  shipment: ShipmentRow;
  event: FlowEvent;
  /** The merchant's publication revision read with this batch: the key for caches of what is published. */
  publicationRevision: string;
  now: Date;
}

/** A message a step asks for; written with the step's settlement, unique per (run, node, recipient). */
export interface RequestedMessage {
  channel: string;
  recipient: string;
  templateVersionId: string;
  /** Set when there is nothing to send (e.g. no address): the message is recorded as skipped, with this reason. */
  skipReason: string | null;
}

/** What executing a step may cause besides its outcome: rows the runner writes in the batch's one transaction. */
export interface StepEffects {
  message(request: RequestedMessage): void;
}

/**
 * The engine half of a node type (its schema, ports and labels live in @postino/flow-model): one file per
 * type in executors/, listed in executors/index.ts. `prepare` does a batch's I/O at once (cache look-ups,
 * one query for all misses); `execute` decides one step from what was prepared, without I/O, so a batch
 * costs a fixed number of statements whatever its size. Effects are rows with unique keys, never calls out.
 */
export interface NodeExecutor<T extends StepNodeType = StepNodeType, TPrepared = unknown> {
  readonly nodeType: T;
  prepare(steps: StepContext<ConfigOf<T>>[]): Promise<TPrepared>;
  execute(step: StepContext<ConfigOf<T>>, prepared: TPrepared, effects: StepEffects): NodeOutcome;
}

/** An error that retrying cannot fix (a missing template, a broken definition). */
export class PermanentStepError extends Error {}

export const NODE_EXECUTORS = Symbol('NODE_EXECUTORS');
