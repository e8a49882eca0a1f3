import { Chip } from '../../../components/chip';
import { humanize } from '../../../lib/humanize';
import { messageStateTone } from '../utils/message-state-tone';

export function MessageStateChip({ state }: { state: string }) {
  return <Chip tone={messageStateTone(state)}>{humanize(state)}</Chip>;
}
