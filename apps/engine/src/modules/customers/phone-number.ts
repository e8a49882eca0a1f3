import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * A phone number as E.164 (+34612345678) when it can be read as a valid number, with the country as the hint
 * for national formats ("612 34 56 78" in ES); null otherwise. The raw text is always kept beside it.
 * libphonenumber-js carries Google's libphonenumber metadata (the "min" set: validity by length and prefix).
 */
export function toE164(raw: string | null | undefined, country: string | null | undefined): string | null {
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw, (country ?? undefined) as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : null;
}
