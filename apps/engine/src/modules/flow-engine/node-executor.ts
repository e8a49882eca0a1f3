import type { AwaitedEvent, ConfigOf, FlowEvent, StepNodeType } from '@postino/flow-model';
import type { PinnedVersions } from '../flows/flow-version.cache';
import type { ShipmentRow } from '../tracking/shipment';
import type { StepEffectKind } from './effects/step-effect';

/** What a node did, and so where its run goes next. */
export type NodeOutcome =
  /**
   * Go on through `port` now. `truth`: the run goes on because the shipment is what a wait awaits (already so),
   * so later messages are about that, not about the trigger.
   */
  | { kind: 'continue'; port: string; truth?: AwaitedEvent }
  /** Go on through `port` at `until` (a time in the past or now continues at once). */
  | { kind: 'wait_until'; until: Date; port: string }
  /**
   * Go on through `port` when an event matching `event` happens to the run's shipment, or through
   * `timeoutPort` at `timeoutAt` if none has by then. The executor has already checked the shipment's present
   * (an awaited status it is in already is a `continue`); the runner re-checks it under a lock when writing.
   */
  | { kind: 'wait_for'; event: AwaitedEvent; port: string; timeoutAt: Date; timeoutPort: string }
  /**
   * This branch of the run ends here. `exit` names how, for the step's record and counters, when it is not
   * the end of the road by design (an A/B split's holdout).
   */
  | { kind: 'end'; exit?: string };

/** One step of one run, as its executor sees it: the node's config already parsed by its type's schema. */
export interface StepContext<TConfig = unknown> {
  merchantId: string;
  /** The flow (not the version): what an experiment is keyed by, so republishing keeps it. */
  flowId: string;
  runId: string;
  stepId: string | null;
  nodeId: string;
  config: TConfig;
  shipment: ShipmentRow;
  event: FlowEvent;
  /** The merchant's publication revision read with this batch: the key for caches of what is published. */
  publicationRevision: string;
  /** The exact versions this node's references were pinned to when its flow version was published (the template it sends). */
  pinned: PinnedVersions;
  now: Date;
}

/** A message a step asks for; written with the step's settlement, unique per (run, node, recipient). */
export interface RequestedMessage {
  channel: string;
  recipient: string;
  /** The e-mail template version it renders; null for a message whose content is its send node's (an SMS's text). */
  templateVersionId: string | null;
  /** Set when there is nothing to send (e.g. no address): the message is recorded as skipped, with this reason. */
  skipReason: string | null;
}

/** What executing a step may cause besides its outcome: rows the runner writes in the batch's one transaction. */
export interface StepEffects {
  message(request: RequestedMessage): void;
  /** Any other row: the kind (effects/<kind>/, listed in effects/index.ts) writes the batch's requests at once. */
  add<TRequest>(kind: StepEffectKind<TRequest>, request: TRequest): void;
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
