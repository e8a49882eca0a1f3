/** The state of something drafted then published in numbered versions: "Published · v3", or "Draft" before its first version. */
export function publicationLabel(publishedVersion: number | null): string {
  return publishedVersion === null ? 'Draft' : `Published · v${publishedVersion}`;
}
