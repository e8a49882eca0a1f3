import { publicationLabel } from '../lib/publication-label';
import { Chip } from './chip';

/** Green once a version is live, grey while only a draft exists. */
export function PublicationChip({ publishedVersion }: { publishedVersion: number | null }) {
  return <Chip tone={publishedVersion === null ? 'gray' : 'green'}>{publicationLabel(publishedVersion)}</Chip>;
}
