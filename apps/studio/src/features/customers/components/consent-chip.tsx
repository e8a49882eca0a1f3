import { Chip } from '../../../components/chip';
import { formatDateTime } from '../../../lib/format-time';
import type { Consent } from '../types';
import { consentSourceLabel, consentStateLabel, consentStateTone } from '../utils/consent-display';

/** A consent's state as a chip; its source and time on hover. */
export function ConsentChip({ consent }: { consent: Consent }) {
  const label = consentStateLabel(consent.state);
  const recorded = consent.at ? `${consentSourceLabel(consent.source)}, ${formatDateTime(consent.at)}` : undefined;
  return (
    <span title={recorded}>
      <Chip tone={consentStateTone(consent.state)}>{label}</Chip>
    </span>
  );
}
