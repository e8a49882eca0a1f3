import type { PublicationStatus } from '@postino/api-contract';
import { publicationLabel } from '../lib/publication-label';
import { Chip, ChipTone } from './chip';

const TONES: Record<PublicationStatus, ChipTone> = { draft: 'gray', published: 'green', paused: 'amber', archived: 'slate' };

/** Green while a version is live, amber while it is paused, grey while only a draft exists. */
export function PublicationChip({ publishedVersion, status }: { publishedVersion: number | null; status?: PublicationStatus }) {
  const shown = status ?? (publishedVersion === null ? 'draft' : 'published');
  return <Chip tone={TONES[shown]}>{publicationLabel(publishedVersion, shown)}</Chip>;
}
