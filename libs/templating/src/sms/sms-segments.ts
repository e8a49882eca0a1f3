import { gsmSeptets } from './gsm-7-alphabet';

/**
 * GSM-7 when every character is in the GSM alphabet; otherwise the whole message goes as UCS-2 (UTF-16 code
 * units, as providers count them: an emoji outside the BMP takes two).
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Characters as a reader counts them (code points). */
  characters: number;
  /** Septets in GSM-7, UTF-16 code units in UCS-2. */
  units: number;
  /** Parts the message is sent (and billed) as; 0 for an empty text. */
  segments: number;
}

/** Units per message: a single SMS, and each part of a concatenated one (the rest carries the joining header). */
const CAPACITY: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/** Units of each character in the encoding the text needs. */
function unitsPerCharacter(characters: string[]): { encoding: SmsEncoding; units: number[] } {
  const septets = characters.map(gsmSeptets);
  if (septets.every((n) => n !== null)) return { encoding: 'GSM-7', units: septets as number[] };
  return { encoding: 'UCS-2', units: characters.map((c) => c.length) };
}

/**
 * How many SMS a text takes. Beyond one, parts are filled greedily and a character never straddles two
 * parts (an extension character's ESC + septet, or an emoji's surrogate pair, moves whole to the next part),
 * as providers split them — so a text can need one part more than units ÷ 153 suggests.
 */
export function smsSegments(text: string): SmsSegments {
  const characters = [...text];
  const { encoding, units } = unitsPerCharacter(characters);
  const total = units.reduce((sum, n) => sum + n, 0);
  const capacity = CAPACITY[encoding];
  let segments = total === 0 ? 0 : 1;
  if (total > capacity.single) {
    let used = 0;
    for (const n of units) {
      if (used + n > capacity.part) {
        segments++;
        used = 0;
      }
      used += n;
    }
  }
  return { encoding, characters: characters.length, units: total, segments };
}
