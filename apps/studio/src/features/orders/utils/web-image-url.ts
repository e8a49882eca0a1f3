/** A shop-sent image address, kept only when it is a plain http(s) URL (never data:, javascript: or relative). */
export function webImageUrl(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:' ? value : null;
}
