import type { ImportState } from '@postino/api-contract';
import { Chip, type ChipTone } from '../../../components/chip';

const tones: Record<ImportState, ChipTone> = { running: 'blue', done: 'green', failed: 'red' };
const labels: Record<ImportState, string> = { running: 'Running', done: 'Finished', failed: 'Stopped' };

export function ImportStateChip({ state, withErrors }: { state: ImportState; withErrors?: boolean }) {
  if (state === 'done' && withErrors) return <Chip tone="amber">Finished with errors</Chip>;
  return <Chip tone={tones[state]}>{labels[state]}</Chip>;
}
