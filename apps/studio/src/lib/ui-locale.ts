import type { Locale } from '@postino/status';

/** The studio's own interface language; customer-facing texts are localized per recipient elsewhere. */
export const UI_LOCALE: Locale = 'en';
