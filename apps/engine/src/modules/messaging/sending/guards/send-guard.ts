import type { Audience, Delivery } from '../channels/channel-sender';

/** What a guard decides about one message about to leave. */
export type GuardVerdict =
  | { kind: 'pass' }
  /** Recorded as skipped with the reason: sending it would be wrong now (not true any more, no consent, capped). */
  | { kind: 'skip'; reason: string }
  /** Not now: queued again for `until`, without counting as an attempt (e.g. quiet hours). */
  | { kind: 'defer'; until: Date; reason: string }
  /** Not until released: its flow is paused or archived; resuming the flow makes it due again (flows/held-work). */
  | { kind: 'hold' };

export const PASS: GuardVerdict = { kind: 'pass' };

export const EVERY_AUDIENCE: readonly Audience[] = ['customer', 'team', 'system'];
/** What protects the shop's customers (consent, quiet hours, caps) is not asked about its team or systems. */
export const CUSTOMERS_ONLY: readonly Audience[] = ['customer'];

/**
 * One check every message passes at send time, re-reading the present (DESIGN §5). Guards are the classes of
 * guards/index.ts, asked in that order; a message stops at the first verdict that is not `pass`, so a guard
 * sees only what the ones before it let through. Each judges a whole batch in a fixed number of statements.
 */
export interface SendGuard {
  /** The audiences of the channels whose messages it judges; the others pass it untouched. */
  readonly audiences: readonly Audience[];
  judge(deliveries: readonly Delivery[], now: Date): Promise<GuardVerdict[]>;
}

export const SEND_GUARDS = Symbol('SEND_GUARDS');
