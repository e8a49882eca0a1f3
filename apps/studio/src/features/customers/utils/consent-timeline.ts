import type { CustomerDetail } from '@postino/api-contract';

export type ConsentTimelineEntry =
  | ({ kind: 'change' } & CustomerDetail['consentHistory'][number])
  | ({ kind: 'unsubscribe' } & CustomerDetail['unsubscribes'][number]);

/** Consent changes and unsubscribes in one list, newest first (an unsubscribe before the changes it caused). */
export function consentTimeline(customer: Pick<CustomerDetail, 'consentHistory' | 'unsubscribes'>): ConsentTimelineEntry[] {
  const entries: ConsentTimelineEntry[] = [
    ...customer.unsubscribes.map((entry) => ({ kind: 'unsubscribe' as const, ...entry })),
    ...customer.consentHistory.map((entry) => ({ kind: 'change' as const, ...entry })),
  ];
  // A stable sort keeps that order for entries recorded at the same instant.
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
