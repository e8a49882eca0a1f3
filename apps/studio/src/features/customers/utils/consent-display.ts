import type { ConsentPurpose, ConsentState } from '@postino/api-contract';
import type { ChipTone } from '../../../components/chip';
import { humanize } from '../../../lib/humanize';

export const consentPurposeLabels: Record<ConsentPurpose, string> = {
  transactional: 'Shipment updates',
  marketing: 'Marketing',
};

export const consentPurposeHints: Record<ConsentPurpose, string> = {
  transactional: 'Status e-mails and SMS about their orders. Given with a first order; the customer may withdraw it.',
  marketing: 'Offers, coupons and cross-sell content. Opt-in only: never given by default.',
};

const stateLabels: Record<ConsentState, string> = { granted: 'Granted', denied: 'Withdrawn', none: 'Not given' };
const stateTones: Record<ConsentState, ChipTone> = { granted: 'green', denied: 'red', none: 'gray' };

export function consentStateLabel(state: ConsentState): string {
  return stateLabels[state];
}

export function consentStateTone(state: ConsentState): ChipTone {
  return stateTones[state];
}

/** "checkout", "customer_service" → "Checkout", "Customer service"; the sources are short tokens. */
export function consentSourceLabel(source: string | null): string {
  return source ? humanize(source) : 'unknown source';
}
