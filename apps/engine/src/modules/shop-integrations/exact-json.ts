// Integers of up to 15 digits are exact as a JavaScript number; Shopify ids have up to 19 (820982911946154508).
const EXACT_DIGITS = 15;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const isDigit = (code: number) => code >= ZERO && code <= 0x39;
// What may follow a number's integer digits within the same number: . e E (and + - after the exponent).
const isNumberPart = (code: number) => isDigit(code) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === MINUS;

/**
 * The JSON text with every integer longer than EXACT_DIGITS digits turned into a string of its digits, so ids
 * survive parsing exactly (JSON.parse would round 820982911946154508 to 820982911946154500, and two orders
 * could become one). One pass that skips string literals and whole numbers; text that is not JSON stays not JSON.
 */
function quoteLongIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
      continue;
    }
    if (code !== MINUS && !isDigit(code)) continue;
    const digitsFrom = code === MINUS ? i + 1 : i;
    let digitsEnd = digitsFrom;
    while (digitsEnd < text.length && isDigit(text.charCodeAt(digitsEnd))) digitsEnd++;
    let end = digitsEnd;
    while (end < text.length && isNumberPart(text.charCodeAt(end))) end++;
    // Only a bare integer; a leading zero is invalid JSON, left for JSON.parse to refuse.
    const long = digitsEnd - digitsFrom > EXACT_DIGITS && end === digitsEnd && text.charCodeAt(digitsFrom) !== ZERO;
    if (long) {
      out += `${text.slice(copiedUpTo, i)}"${text.slice(i, end)}"`;
      copiedUpTo = end;
    }
    i = Math.max(i, end - 1);
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** JSON.parse, except that integers too long to be exact numbers come back as strings of their digits. */
export function parseJsonKeepingLongIntegers(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}
