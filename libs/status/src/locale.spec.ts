import { describe, expect, it } from 'vitest';
import { LOCALES, resolveLocale } from './locale';

describe('resolveLocale', () => {
  it.each([
    ['es-ES', 'es'],
    ['FR', 'fr'],
    ['de_AT', 'de'],
    [' it-IT ', 'it'],
    ['en-GB', 'en'],
    ['fr-CA', 'fr'],
  ])('maps %j to %s', (input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });

  it.each([[undefined], [null], [''], ['   '], ['pt-BR'], ['zh'], ['espanol'], ['-es']])(
    'falls back to English for %j',
    (input) => {
      expect(resolveLocale(input)).toBe('en');
    },
  );

  it('resolves every supported locale to itself', () => {
    for (const locale of LOCALES) expect(resolveLocale(locale)).toBe(locale);
  });
});
