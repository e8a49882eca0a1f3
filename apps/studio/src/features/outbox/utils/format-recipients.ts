/** The To header as one line, whether the API sends one address string, a list, or nothing. */
export function formatRecipients(to: string | readonly string[] | null): string {
  if (to === null) return '';
  return typeof to === 'string' ? to : to.join(', ');
}
