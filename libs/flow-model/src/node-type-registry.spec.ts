import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SHIPMENT_CREATED, SHIPMENT_STATUS_CHANGED } from './flow-events';
import { defineNodeType } from './node-type';
import { getNodeType, NODE_TYPES, triggerTypesListeningTo } from './node-type-registry';

describe('NODE_TYPES', () => {
  it('registers each node type under its own type name', () => {
    for (const [name, nodeType] of Object.entries(NODE_TYPES)) expect(nodeType.type).toBe(name);
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

describe('triggerTypesListeningTo', () => {
  it('lists the triggers a status change may start, and no steps', () => {
    expect(triggerTypesListeningTo(SHIPMENT_STATUS_CHANGED)).toEqual([NODE_TYPES.status_changed, NODE_TYPES.shipment_exception]);
  });

  it('lists the triggers a new shipment may start', () => {
    expect(triggerTypesListeningTo(SHIPMENT_CREATED)).toEqual([NODE_TYPES.shipment_created]);
  });
});

describe('defineNodeType', () => {
  it('refuses a type whose output ports share an id', () => {
    const label = { en: 'x', es: 'x', it: 'x', fr: 'x', de: 'x' };

    expect(() =>
      defineNodeType({
        type: 'broken',
        kind: 'logic',
        version: 1,
        category: 'logic',
        icon: 'x',
        label,
        help: label,
        configSchema: z.object({}),
        configMessages: [],
        defaultConfig: {},
        ports: () => [
          { id: 'yes', label },
          { id: 'yes', label },
        ],
        references: () => [],
        summary: () => 'x',
      }),
    ).toThrow(/same output port/);
  });
});
