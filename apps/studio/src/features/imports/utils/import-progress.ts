import type { ImportView } from '@postino/api-contract';

export interface ImportProgress {
  /** Bytes read so far and of how many; null total when the size is unknown. */
  bytesRead: number;
  bytesTotal: number | null;
  /** 0–1 for the progress bar, or null while it cannot be told (an unknown size). */
  fraction: number | null;
  finished: boolean;
}

/**
 * How far an import is. The engine counts the bytes it has read of the upload; a finished import is complete
 * whatever the counts say (a size the browser announced may include a byte-order mark it skipped).
 */
export function importProgress(view: Pick<ImportView, 'state' | 'bytesRead' | 'bytesTotal'>, fileSize?: number): ImportProgress {
  const bytesTotal = view.bytesTotal ?? fileSize ?? null;
  const finished = view.state !== 'running';
  if (finished && view.state === 'done') {
    const total = bytesTotal ?? view.bytesRead;
    return { bytesRead: total, bytesTotal: total, fraction: 1, finished };
  }
  const fraction = bytesTotal ? Math.min(1, view.bytesRead / bytesTotal) : null;
  return { bytesRead: view.bytesRead, bytesTotal, fraction, finished };
}
