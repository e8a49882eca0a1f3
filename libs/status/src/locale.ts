import { z } from 'zod';

/** Languages customer-facing texts are written in. */
export const LOCALES = ['es', 'it', 'en', 'fr', 'de'] as const;

export type Locale = (typeof LOCALES)[number];

export const localeSchema = z.enum(LOCALES);

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * Maps a language tag from anywhere (browser, shop platform, CSV) to a supported locale:
 * 'es-ES' → 'es', 'FR' → 'fr', 'de_AT' → 'de'; unknown or empty → 'en'.
 */
export function resolveLocale(input?: string | null): Locale {
  const language = (input ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const parsed = localeSchema.safeParse(language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}
