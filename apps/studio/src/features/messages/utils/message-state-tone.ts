import type { ChipTone } from '../../../components/chip';

const messageStateTones: Readonly<Record<string, ChipTone>> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'slate',
  delivered: 'green',
  opened: 'teal',
  clicked: 'violet',
  converted: 'violet',
  uncertain: 'amber',
  skipped: 'orange',
  failed: 'red',
  bounced: 'red',
};

/**
 * Colour for a message state. `uncertain` (the provider may or may not have accepted it) is a warning, not a failure.
 * States added later by the engine show neutral until they are given a colour.
 */
export function messageStateTone(state: string): ChipTone {
  return Object.hasOwn(messageStateTones, state) ? messageStateTones[state] : 'gray';
}
