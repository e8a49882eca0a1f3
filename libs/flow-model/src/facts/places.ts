import { getAllCountries, getCountry } from 'countries-and-timezones';
import { DateTime, IANAZone } from 'luxon';

/** ISO 3166-1 alpha-2 codes of every country and territory, for country pickers and their validation. */
export const COUNTRY_CODES: readonly string[] = Object.keys(getAllCountries()).sort();

const COUNTRIES = new Set(COUNTRY_CODES);

export function isCountryCode(code: string): boolean {
  return COUNTRIES.has(code);
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** The country's name in the locale ("DE" → "Alemania" in es), from the runtime's own data. */
export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  return names.of(code) ?? code;
}

/**
 * The zone of most people in a country with several (its capital's, or its largest city's): the dataset
 * lists zones alphabetically, which would put Spain on the Canaries and the United States on Adak. A test
 * checks every country with several zones is listed here.
 */
export const PRINCIPAL_ZONES: Readonly<Record<string, string>> = {
  AQ: 'Pacific/Auckland',
  AR: 'America/Argentina/Buenos_Aires',
  AU: 'Australia/Sydney',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CD: 'Africa/Lagos',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  CY: 'Asia/Nicosia',
  DE: 'Europe/Berlin',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  FM: 'Pacific/Guadalcanal',
  GL: 'America/Nuuk',
  ID: 'Asia/Jakarta',
  KI: 'Pacific/Tarawa',
  KZ: 'Asia/Almaty',
  MH: 'Pacific/Tarawa',
  MN: 'Asia/Ulaanbaatar',
  MX: 'America/Mexico_City',
  MY: 'Asia/Singapore',
  NZ: 'Pacific/Auckland',
  PF: 'Pacific/Tahiti',
  PG: 'Pacific/Port_Moresby',
  PS: 'Asia/Hebron',
  PT: 'Europe/Lisbon',
  RU: 'Europe/Moscow',
  TF: 'Indian/Maldives',
  UA: 'Europe/Kyiv',
  UM: 'Pacific/Pago_Pago',
  US: 'America/New_York',
  UZ: 'Asia/Tashkent',
  VN: 'Asia/Ho_Chi_Minh',
};

/** The timezone most of a country lives in; undefined for an unknown code. */
export function countryTimeZone(code: string): string | undefined {
  const upper = code.toUpperCase();
  return PRINCIPAL_ZONES[upper] ?? getCountry(upper as Parameters<typeof getCountry>[0])?.timezones[0];
}

/** The shop's zone when nothing about the recipient tells one (merchants have no timezone setting yet). */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * Where a recipient's local time is read (DESIGN §9): the first valid IANA zone among `zones` (the
 * customer's, then the shipment's), else the destination country's, else `fallback` (the shop's).
 */
export function recipientTimeZone(
  zones: readonly (string | null | undefined)[],
  country: string | null | undefined,
  fallback: string = DEFAULT_TIME_ZONE,
): string {
  const known = zones.find((zone): zone is string => !!zone && IANAZone.isValidZone(zone));
  return known ?? (country ? countryTimeZone(country) : undefined) ?? fallback;
}

/** The calendar date (`YYYY-MM-DD`) it is at `now` in `zone`. */
export function localDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}
