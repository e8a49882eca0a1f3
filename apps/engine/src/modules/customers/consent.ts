import type { ConsentPurpose, ConsentState, UnsubscribeScope } from '@postino/api-contract';

/** One of a customer's two consents as recorded: state, who recorded it and when. */
export interface Consent {
  state: ConsentState;
  source: string | null;
  at: Date | null;
}

export type Consents = Record<ConsentPurpose, Consent>;

/** A decision to record: the shop, the customer or an agent said granted or denied. */
export interface ConsentDecision {
  state: 'granted' | 'denied';
  source: string;
  at: Date;
}

export interface ConsentChange extends ConsentDecision {
  purpose: ConsentPurpose;
  from: ConsentState;
}

export const NO_CONSENT: Consent = { state: 'none', source: null, at: null };

/**
 * The consents after some decisions, and the changes to record. A decision older than the one recorded is
 * ignored (webhooks arrive out of order), and so is one that repeats the recorded state.
 */
export function decideConsents(
  current: Consents,
  decisions: Partial<Record<ConsentPurpose, ConsentDecision>>,
): { consents: Consents; changes: ConsentChange[] } {
  const consents = { ...current };
  const changes: ConsentChange[] = [];
  for (const purpose of ['transactional', 'marketing'] as const) {
    const decision = decisions[purpose];
    const recorded = current[purpose];
    if (!decision || decision.state === recorded.state) continue;
    if (recorded.at && decision.at < recorded.at) continue;
    consents[purpose] = { state: decision.state, source: decision.source, at: decision.at };
    changes.push({ purpose, from: recorded.state, ...decision });
  }
  return { consents, changes };
}

/**
 * Transactional consent (shipment updates) is given by default with a customer's first order or shipment,
 * unless something was recorded already (a withdrawal stands). Marketing is never given by default.
 */
export function defaultTransactional(current: Consents, source: 'order' | 'shipment', at: Date): ConsentDecision | undefined {
  return current.transactional.state === 'none' ? { state: 'granted', source, at } : undefined;
}

/** What an unsubscribe withdraws: marketing only, or both consents. */
export function unsubscribeDecisions(
  scope: UnsubscribeScope,
  source: string,
  at: Date,
): Partial<Record<ConsentPurpose, ConsentDecision>> {
  const denied: ConsentDecision = { state: 'denied', source, at };
  return scope === 'all' ? { transactional: denied, marketing: denied } : { marketing: denied };
}
