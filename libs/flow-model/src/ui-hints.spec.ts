import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_TYPES } from './node-type-registry';
import { uiFieldsOf, uiHintsOf, withUi, type UiHints } from './ui-hints';

const hints: UiHints = {
  label: { en: 'Name', es: 'Nombre', it: 'Nome', fr: 'Nom', de: 'Name' },
  widget: 'text',
};

describe('UI hints', () => {
  it('are read back from the schema they were attached to', () => {
    expect(uiHintsOf(withUi(z.string(), hints))).toEqual(hints);
  });

  it('leave the schema passed in untouched, so shared schemas stay hint-free', () => {
    const shared = z.string();
    withUi(shared, hints);

    expect(uiHintsOf(shared)).toBeUndefined();
  });

  it('survive checks added afterwards, which copy the schema', () => {
    expect(uiHintsOf(withUi(z.string(), hints).min(2))).toEqual(hints);
  });

  it('ignore metadata that is not hints', () => {
    expect(uiHintsOf(z.string().meta({ ui: 'fancy' }))).toBeUndefined();
  });

  it('list an object schema’s fields in order, each with its hints', () => {
    const name = withUi(z.string(), hints);
    const schema = z.object({ name, note: z.string() });

    expect(uiFieldsOf(schema)).toEqual([
      { key: 'name', schema: name, hints },
      { key: 'note', schema: schema.shape.note, hints: undefined },
    ]);
    expect(uiFieldsOf(z.string())).toEqual([]);
  });

  it('list a discriminated config’s choice first, then each option’s fields with the value they belong to', () => {
    const choice: UiHints = { ...hints, widget: 'choice', options: { a: hints.label, b: hints.label } };
    const name = withUi(z.string(), hints);
    const size = withUi(z.number(), { ...hints, widget: 'number' });
    const schema = withUi(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('a').default('a'), name }),
        z.object({ kind: z.literal('b'), size }),
      ]),
      choice,
    );

    expect(uiFieldsOf(schema)).toEqual([
      { key: 'kind', schema, hints: choice },
      { key: 'name', schema: name, hints, when: { key: 'kind', value: 'a' } },
      { key: 'size', schema: size, hints: { ...hints, widget: 'number' }, when: { key: 'kind', value: 'b' } },
    ]);
  });

  it('link a field only to a field of the same config', () => {
    for (const nodeType of Object.values(NODE_TYPES)) {
      const fields = uiFieldsOf(nodeType.configSchema);
      for (const field of fields) {
        const linked = field.hints?.linkedField;
        if (linked) expect(fields.map((other) => other.key), `${nodeType.type}.${field.key}`).toContain(linked);
      }
    }
  });
});
