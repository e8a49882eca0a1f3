/**
 * The GSM 03.38 default alphabet (3GPP TS 23.038) every phone decodes: one 7-bit septet per character. LF and
 * CR are in it; ESC (0x1B) is not listed, being the prefix of the extension table below. Note what is missing:
 * lowercase ç (only Ç is there), á í ó ú, ê â î ô û, È, typographic quotes and the backtick.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Characters sent as ESC + a septet of the extension table: two septets each. Form feed is left out (text has no use for it). */
const EXTENSION = '^{}\\[~]|€';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

/** Septets a character takes in GSM-7 (1, or 2 for the extension table), or null when GSM-7 cannot carry it. */
export function gsmSeptets(character: string): 1 | 2 | null {
  if (BASIC_SET.has(character)) return 1;
  if (EXTENSION_SET.has(character)) return 2;
  return null;
}
