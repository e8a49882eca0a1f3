import type { Status } from '@postino/status';
import type { ChipTone } from '../../../components/chip';

/** One colour per status, so a column of chips can be read at a glance; problems are warm, success is green. */
export const statusTones: Readonly<Record<Status, ChipTone>> = {
  pending: 'gray',
  info_received: 'slate',
  in_transit: 'blue',
  out_for_delivery: 'violet',
  available_for_pickup: 'teal',
  failed_attempt: 'amber',
  delivered: 'green',
  exception: 'red',
  returned: 'orange',
};
