import { describe, expect, it } from 'vitest';
import { LOCALES } from '@postino/status';
import { z } from 'zod';
import type { LocalizedText, NodeType } from './node-type';
import { NODE_TYPES } from './node-type-registry';
import { uiFieldsOf } from './ui-hints';

/** What every node type owes the editor and the engine, so a new one cannot ship half-described. */
const nodeTypes: NodeType[] = Object.values(NODE_TYPES);

const expectInEveryLocale = (text: LocalizedText | undefined) => {
  for (const locale of LOCALES) expect(text?.[locale], locale).toMatch(/\S/);
};

describe.each(nodeTypes)('node type $type', (nodeType) => {
  it('has a label and help in every locale', () => {
    expectInEveryLocale(nodeType.label);
    expectInEveryLocale(nodeType.help);
  });

  it('has a category, an icon and a version of at least 1', () => {
    expect(nodeType.category).toMatch(/\S/);
    expect(nodeType.icon).toMatch(/\S/);
    expect(Number.isInteger(nodeType.version) && nodeType.version >= 1).toBe(true);
  });

  it('has exits for its default config, each labelled in every locale', () => {
    for (const port of nodeType.ports(nodeType.defaultConfig)) expectInEveryLocale(port.label);
  });

  it('summarizes its default config in every locale', () => {
    for (const locale of LOCALES) expect(nodeType.summary(nodeType.defaultConfig, locale), locale).toMatch(/\S/);
  });

  it('answers references for its default config', () => {
    expect(Array.isArray(nodeType.references(nodeType.defaultConfig))).toBe(true);
  });

  it('has an object (or discriminated) config whose every field carries a label in every locale and a widget', () => {
    const { configSchema } = nodeType;
    expect(configSchema instanceof z.ZodObject || configSchema instanceof z.ZodDiscriminatedUnion, 'a form-shaped schema').toBe(true);
    // A type with nothing to configure (exit) has no fields; every field there is must be described.
    for (const { key, hints } of uiFieldsOf(configSchema)) {
      expect(hints?.widget, key).toMatch(/\S/);
      expectInEveryLocale(hints?.label);
      if (hints?.help) expectInEveryLocale(hints.help);
      for (const option of Object.values(hints?.options ?? {})) expectInEveryLocale(option);
    }
  });

  it('translates every config error text into every locale', () => {
    for (const text of nodeType.configMessages) expectInEveryLocale(text);
  });
});

describe.each(nodeTypes.filter((nodeType) => nodeType.kind === 'trigger'))('trigger node type $type', (nodeType) => {
  it('listens to at least one event type', () => {
    expect(nodeType.kind === 'trigger' && nodeType.listensTo.length).toBeGreaterThan(0);
  });
});
