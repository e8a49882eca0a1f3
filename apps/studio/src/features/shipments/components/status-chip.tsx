import { statusLabel, substatusLabel, type Status, type Substatus } from '@postino/status';
import { Chip } from '../../../components/chip';
import { UI_LOCALE } from '../../../lib/ui-locale';
import { statusTones } from '../utils/status-tone';

interface StatusChipProps {
  status: Status | null;
  substatus?: Substatus | null;
}

/** The normalized status as a coloured chip; an event whose carrier code could not be mapped shows "Unmapped". */
export function StatusChip({ status, substatus }: StatusChipProps) {
  if (!status) return <Chip tone="gray">Unmapped</Chip>;
  const label = statusLabel(status, UI_LOCALE);
  return (
    <Chip tone={statusTones[status]}>
      {label}
      {substatus && <span className="chip__detail">· {substatusLabel(substatus, UI_LOCALE)}</span>}
    </Chip>
  );
}
