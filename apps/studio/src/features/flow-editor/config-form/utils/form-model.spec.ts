import { NODE_TYPES, type NodeType } from '@postino/flow-model';
import { describe, expect, it } from 'vitest';
import { widgetOf } from '../fields/registry';
import { discriminatorValue, formFields, formValuesOf, issuesOf, issuesUnder, sameConfig, switchOption, visibleFields } from './form-model';

const wait = NODE_TYPES.wait as NodeType;
const blankOf = (field: { hints: { widget: string } }) => widgetOf(field.hints.widget)?.blank();
const keysOf = (nodeType: NodeType, config: unknown) =>
  visibleFields(nodeType, formFields(nodeType), formValuesOf(config)).map((field) => field.key);

describe('form model', () => {
  it("shows every node type's default config with a field for each key it holds", () => {
    for (const nodeType of Object.values<NodeType>(NODE_TYPES)) {
      const keys = keysOf(nodeType, nodeType.defaultConfig);
      for (const key of Object.keys(nodeType.defaultConfig as object)) expect(keys, `${nodeType.type}.${key}`).toContain(key);
    }
  });

  it("shows a discriminated config's choice and only its chosen option's fields", () => {
    expect(keysOf(wait, { mode: 'status', statuses: [], timeout: { amount: 1, unit: 'days' } })).toEqual(['mode', 'statuses', 'timeout']);
    expect(keysOf(wait, { mode: 'window' })).toEqual(['mode', 'window']);
  });

  it('reads a config stored before its options existed as the option whose key has a default', () => {
    expect(discriminatorValue(wait.configSchema, 'mode', { duration: { amount: 2, unit: 'hours' } })).toBe('duration');
    expect(keysOf(wait, { duration: { amount: 2, unit: 'hours' } })).toEqual(['mode', 'duration']);
  });

  it("switches option: drops the other options' fields and starts the new one's from blank values that pass", () => {
    const fields = formFields(wait);
    const next = switchOption(fields, { mode: 'duration', duration: { amount: 2, unit: 'hours' } }, 'mode', 'window', blankOf);

    expect(next).toEqual({ mode: 'window', window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' } });
    expect(wait.configSchema.safeParse(next).success).toBe(true);
  });

  it('takes a broken config as no values', () => {
    expect(formValuesOf(null)).toEqual({});
    expect(formValuesOf(['x'])).toEqual({});
  });

  it('flattens an error tree into issues at paths inside the field, an array’s own error included', () => {
    const error = {
      message: 'The variants and the holdout must add up to 100 %.',
      type: 'custom',
      ref: {},
      1: { weight: { message: 'Give each variant a whole percentage from 1 to 100.', type: 'too_small' } },
    };
    const issues = issuesOf(error, (message) => `«${message}»`);

    expect(issues).toEqual([
      { path: [], message: '«The variants and the holdout must add up to 100 %.»' },
      { path: [1, 'weight'], message: '«Give each variant a whole percentage from 1 to 100.»' },
    ]);
    expect(issuesOf({ root: { message: 'own' } }, (message) => message)).toEqual([{ path: [], message: 'own' }]);
    // A config field may be called like a FieldError's keys.
    expect(issuesOf({ type: { message: 'Pick one.' } }, (message) => message)).toEqual([{ path: ['type'], message: 'Pick one.' }]);
    expect(issuesUnder(issues, [1])).toEqual([{ path: ['weight'], message: '«Give each variant a whole percentage from 1 to 100.»' }]);
  });

  it('tells its own edits coming back from another config', () => {
    expect(sameConfig({ a: [1, { b: 'x' }], c: undefined }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameConfig({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
    expect(sameConfig({ a: [] }, { a: {} })).toBe(false);
  });
});
