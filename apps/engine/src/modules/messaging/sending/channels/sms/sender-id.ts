/** An alphanumeric sender id: what most networks show instead of a number, at most 11 letters, digits or spaces. */
const MAX_LENGTH = 11;

/**
 * The shop's name as the SMS sender, so messages come from its brand: accents dropped (the networks take
 * ASCII only), other characters removed, cut to 11. Null when nothing usable is left (no letter at all), and
 * the provider's default sender is used.
 */
export function senderIdOf(merchantName: string): string | null {
  const ascii = merchantName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const id = ascii.slice(0, MAX_LENGTH).trim();
  return /[A-Za-z]/.test(id) ? id : null;
}
