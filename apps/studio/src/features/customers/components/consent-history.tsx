import type { CustomerDetail } from '@postino/api-contract';
import { formatDateTime } from '../../../lib/format-time';
import { consentPurposeLabels, consentSourceLabel, consentStateLabel } from '../utils/consent-display';
import { consentTimeline } from '../utils/consent-timeline';

/** Every recorded consent decision and unsubscribe: what changed, who recorded it and when. */
export function ConsentHistory({ customer }: { customer: Pick<CustomerDetail, 'consentHistory' | 'unsubscribes'> }) {
  const entries = consentTimeline(customer);
  if (entries.length === 0) return <p className="muted small">No consent decision recorded yet.</p>;

  return (
    <ol className="consent-history" aria-label="Consent history">
      {entries.map((entry, index) => (
        <li key={`${entry.kind}-${entry.at}-${index}`}>
          <span>
            {entry.kind === 'unsubscribe'
              ? `Unsubscribed from ${entry.scope === 'all' ? 'everything' : 'marketing'}`
              : `${consentPurposeLabels[entry.purpose]}: ${consentStateLabel(entry.state).toLowerCase()}`}
          </span>
          <span className="muted small">
            {consentSourceLabel(entry.source)} · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}
