/**
 * The items of keyset pages in order, each once: an item changed while the user pages on can come back on a
 * later page, and is kept where it first appeared.
 */
export function flattenPages<T extends { id: string }>(pages: readonly { items: readonly T[] }[]): T[] {
  const seen = new Set<string>();
  const items: T[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}
