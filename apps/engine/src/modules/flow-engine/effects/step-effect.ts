import type { EntityManager } from 'typeorm';

/** The step an effect comes from: what its rows are keyed and scoped by. */
export interface EffectOrigin {
  merchantId: string;
  runId: string;
  nodeId: string;
  shipmentId: string;
}

/** One effect a step asked for, with where it comes from. */
export interface RequestedEffect<TRequest = unknown> {
  origin: EffectOrigin;
  request: TRequest;
}

/**
 * A kind of row a step may ask for besides its messages (a tag change, an alert): one folder per kind under
 * effects/, its class listed in effects/index.ts. The runner hands each kind the batch's requests at once, in
 * the step's settlement transaction: `write` must take a fixed number of statements whatever their number,
 * and be idempotent (a step whose settlement failed is decided again and asks again).
 */
export interface StepEffectKind<TRequest = unknown> {
  /** For errors and logs only: nothing branches on it. */
  readonly name: string;
  /**
   * Set when later steps of the run may read what this kind writes (a condition on a tag just added): the
   * steps reached after a step that asked for it run in the next pass, once its rows are committed.
   */
  readonly readByLaterSteps: boolean;
  write(manager: EntityManager, effects: readonly RequestedEffect<TRequest>[], at: Date): Promise<void>;
}

/** An effect as the runner carries it until its transaction: with the kind that writes it. */
export interface PendingEffect extends RequestedEffect {
  kind: StepEffectKind;
}

export const STEP_EFFECT_KINDS = Symbol('STEP_EFFECT_KINDS');
