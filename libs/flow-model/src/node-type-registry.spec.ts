import { describe, expect, it } from 'vitest';
import { LOCALES } from '@postino/status';
import { defineNodeType } from './node-type';
import { getNodeType, NODE_TYPES } from './node-type-registry';
import { z } from 'zod';

describe('NODE_TYPES', () => {
  it('registers each node type under its own type name', () => {
    for (const [name, nodeType] of Object.entries(NODE_TYPES)) expect(nodeType.type).toBe(name);
  });

  it.each(Object.values(NODE_TYPES))('$type has a label and a description in every locale', (nodeType) => {
    for (const locale of LOCALES) {
      expect(nodeType.label[locale]).toMatch(/\S/);
      expect(nodeType.description[locale]).toMatch(/\S/);
      for (const port of nodeType.outputs) expect(port.label[locale]).toMatch(/\S/);
    }
  });
});

describe('getNodeType', () => {
  it('finds a registered type', () => {
    expect(getNodeType('send_email')).toBe(NODE_TYPES.send_email);
  });

  it('returns undefined for unknown types, including inherited object keys', () => {
    expect(getNodeType('send_pigeon')).toBeUndefined();
    expect(getNodeType('toString')).toBeUndefined();
  });
});

describe('defineNodeType', () => {
  it('refuses a type whose output ports share an id', () => {
    const label = { en: 'x', es: 'x', it: 'x', fr: 'x', de: 'x' };

    expect(() =>
      defineNodeType({
        type: 'broken',
        kind: 'logic',
        label,
        description: label,
        configSchema: z.object({}),
        outputs: [
          { id: 'yes', label },
          { id: 'yes', label },
        ],
        defaultConfig: {},
      }),
    ).toThrow(/same output port/);
  });
});
