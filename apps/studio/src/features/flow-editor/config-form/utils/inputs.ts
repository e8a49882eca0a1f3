/** A number input's text as a value: empty is no value, anything else the number it reads (NaN stays NaN). */
export function numberFromInput(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

export function inputFromNumber(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** A time input's `HH:MM` or `HH:MM:SS` as the `HH:MM` configs hold; '' stays '' (the schema asks for one). */
export function timeFromInput(text: string): string {
  return /^\d{2}:\d{2}/.test(text) ? text.slice(0, 5) : text;
}

/** Tags typed into a box, separated by commas: trimmed, inner spaces collapsed, each once, after `existing`. */
export function addTags(existing: readonly string[], typed: string): string[] {
  const tags = [...existing];
  for (const part of typed.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** A list with one value added or removed, kept in the order of `order` (days of the week, statuses…). */
export function toggleIn<T>(selected: readonly T[], value: T, order: readonly T[]): T[] {
  const next = selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value];
  return order.filter((item) => next.includes(item)).concat(next.filter((item) => !order.includes(item)));
}
