import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** What a run of a holdout customer records as its exit: it leads nowhere, the run ends. */
export const HOLDOUT = 'holdout';

/** The part of an A/B split's config that defines its experiment. */
export interface SplitSettings {
  variants: readonly { id: string; weight: number }[];
  /** Percent of customers who get nothing, to measure what the flow adds. */
  holdout: number;
}

// SHA-256 from @noble/hashes: the same bytes in Node and in the browser (no node:crypto), and uniform enough
// that buckets of a hash prefix split customers evenly.
const digest = (text: string) => sha256(utf8ToBytes(text));

/**
 * The experiment a split node runs: its flow, its node and its variant settings (ids, weights, holdout).
 * Moving the node or republishing the flow keeps it, so customers keep their variant; changing the weights
 * starts a new experiment.
 */
export function experimentIdOf(flowId: string, nodeId: string, settings: SplitSettings): string {
  const variants = settings.variants.map((variant) => [variant.id, variant.weight]);
  return bytesToHex(digest(JSON.stringify([flowId, nodeId, variants, settings.holdout]))).slice(0, 32);
}

/** A customer's place in an experiment, uniform in [0, 1): the first 48 bits of a hash of both. */
export function assignmentPoint(experimentId: string, customerKey: string): number {
  const bytes = digest(`${experimentId}\u0000${customerKey}`);
  let point = 0;
  for (let i = 0; i < 6; i++) point = point * 256 + bytes[i];
  return point / 2 ** 48;
}

/**
 * The variant a customer gets, or HOLDOUT: the point falls into the variants' cumulative weights (in
 * percent, in their order), the holdout taking the last share. The same customer always gets the same answer.
 */
export function assignVariant(settings: SplitSettings, experimentId: string, customerKey: string): string {
  const percent = assignmentPoint(experimentId, customerKey) * 100;
  let upTo = 0;
  for (const variant of settings.variants) {
    upTo += variant.weight;
    if (percent < upTo) return variant.id;
  }
  return HOLDOUT;
}

/**
 * Who "the customer" is for sticky assignment: the shop's customer when the shipment is linked to one,
 * else the recipient's address (trimmed, lower-cased), else the shipment itself.
 */
export function customerKeyOf(shipment: { id: string; customerId: string | null; customerEmail: string | null }): string {
  if (shipment.customerId) return `customer:${shipment.customerId}`;
  const email = shipment.customerEmail?.trim().toLowerCase();
  return email ? `email:${email}` : `shipment:${shipment.id}`;
}
