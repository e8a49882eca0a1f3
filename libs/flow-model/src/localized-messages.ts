import type { Locale } from '@postino/status';
import { z } from 'zod';
import type { FlowIssue } from './flow-issue';

/** A message with parameters, written once per locale. */
export type LocalizedMessage<TArgs> = Record<Locale, (args: TArgs) => string>;

const ZOD_LOCALES: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  es: z.locales.es,
  it: z.locales.it,
  fr: z.locales.fr,
  de: z.locales.de,
};

/**
 * zod's own texts in the locale, for issues no schema words itself (a malformed document). Passed per parse,
 * so texts a schema sets (a node type's messages) still win.
 */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return ZOD_LOCALES[locale]().localeError;
}

/** zod issues as flow issues under `prefix`, each text passed through `translate`. */
export function issuesFromZod(
  error: z.ZodError,
  prefix: (string | number)[],
  translate: (message: string) => string = (message) => message,
): FlowIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message: translate(issue.message),
  }));
}
