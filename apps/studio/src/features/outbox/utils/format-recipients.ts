/** The To header as one line, whether the API sends one address string or a list. */
export function formatRecipients(to: string | readonly string[]): string {
  return typeof to === 'string' ? to : to.join(', ');
}
