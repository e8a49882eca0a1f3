import { z } from 'zod';

/** Field schemas shared by several request shapes, so one concept is validated (and worded) one way. */

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// PostgreSQL refuses year 0000 (a 500 at INSERT, failing a whole batch), and no real shipment, scan or order is
// dated before the Unix epoch or after 9999: dates are accepted from 1970-01-01 to 9999-12-31, by the year as
// written (an offset may put the instant a few hours outside, which PostgreSQL stores fine).
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;
const YEAR_RANGE_MESSAGE = `must be in the years ${MIN_YEAR} to ${MAX_YEAR}`;
const inYearRange = (isoText: string) => {
  const year = Number(isoText.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

export const localeSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as es or es-ES');

export const timeZoneSchema = z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid');

export const countrySchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
  .transform((c) => c.toUpperCase());

export const dateSchema = z.iso.date('must be a date such as 2026-12-24').refine(inYearRange, YEAR_RANGE_MESSAGE);

export const dateTimeSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 time with offset, e.g. 2026-11-25T10:00:00Z' })
  .refine(inYearRange, YEAR_RANGE_MESSAGE);

export const emailSchema = z.string().trim().email('must be an e-mail address').max(320);

/** Free text of a bounded length; blank counts as absent. */
export const textSchema = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** An http(s) URL, as links and images in e-mails need. */
export const webUrlSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'must be an http(s) URL');

export const tagsSchema = z
  .array(textSchema(100).min(1, 'must not be blank'), 'must be a list of tags')
  .max(100, 'must hold at most 100 tags')
  .transform((tags) => [...new Set(tags)]);

/** Who or what recorded something, as a short token: checkout, shopify, customer_service, unsubscribe_link… */
export const sourceSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,49}$/, 'must be a short token such as checkout or customer_service');
