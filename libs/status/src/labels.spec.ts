import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale';
import { STATUSES } from './status';
import { statusLabel } from './status-labels';
import { SUBSTATUSES } from './substatus';
import { substatusLabel } from './substatus-labels';

describe.each([
  { concept: 'status', values: STATUSES, label: statusLabel as (value: string, locale: (typeof LOCALES)[number]) => string },
  { concept: 'substatus', values: SUBSTATUSES, label: substatusLabel as (value: string, locale: (typeof LOCALES)[number]) => string },
])('$concept labels', ({ values, label }) => {
  it.each(values.map((value) => [value]))('%s has a non-empty label in every locale', (value) => {
    for (const locale of LOCALES) expect(label(value, locale).trim()).not.toBe('');
  });

  it.each(values.map((value) => [value]))('%s is translated: its label differs in each language', (value) => {
    const labels = LOCALES.map((locale) => label(value, locale));
    expect(new Set(labels).size).toBe(LOCALES.length);
  });

  it('never shows the raw code to customers', () => {
    for (const value of values) {
      for (const locale of LOCALES) expect(label(value, locale)).not.toContain('_');
    }
  });

  it('gives each value its own label within a language', () => {
    for (const locale of LOCALES) {
      const labels = values.map((value) => label(value, locale));
      expect(new Set(labels).size).toBe(values.length);
    }
  });
});

describe('labels', () => {
  it('speak the customer language', () => {
    expect(statusLabel('out_for_delivery', 'es')).toBe('En reparto');
    expect(statusLabel('delivered', 'de')).toBe('Zugestellt');
    expect(statusLabel('delivered', 'fr')).toBe('Livré');
    expect(statusLabel('out_for_delivery', 'it')).toBe('In consegna');
    expect(substatusLabel('customs_hold', 'en')).toBe('Held by customs');
  });
});
