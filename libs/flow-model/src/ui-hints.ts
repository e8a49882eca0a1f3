import { z } from 'zod';
import type { LocalizedText } from './node-type';

/** How the generated editor draws a config field; each widget knows the shape of value it edits. */
export const UI_WIDGETS = [
  'status_picker',
  'substatus_picker',
  'template_picker',
  'duration',
  'local_time_window',
  'weights',
  'carrier_picker',
  'country_picker',
  'condition_builder',
  'switch_cases',
  'choice',
  'text',
  'number',
  'toggle',
  'quiet_hours',
  'tags',
] as const;

export type UiWidget = (typeof UI_WIDGETS)[number];

/** What the editor needs to present one config field to a marketer. */
export interface UiHints {
  label: LocalizedText;
  help?: LocalizedText;
  widget: UiWidget;
  /** For a `choice`: the label of each value the field may take. */
  options?: Record<string, LocalizedText>;
  /**
   * Another field of the same config the widget reads: for `switch_cases`, the field naming the fact the cases
   * branch on; for `weights`, the share kept out (a holdout) that counts towards the 100 %.
   */
  linkedField?: string;
  /** For a `text`: several lines (a message's body, a note) rather than one (a title, a URL). */
  multiline?: boolean;
}

/** One field of an object schema with the hints it carries (undefined if it has none). */
export interface UiField {
  key: string;
  schema: z.ZodType;
  hints: UiHints | undefined;
  /** Set on a field of one option of a discriminated config: shown only while the discriminator has this value. */
  when?: { key: string; value: string };
}

/**
 * Attaches hints through zod metadata (`.meta()`, i.e. z.globalRegistry), which returns a copy: the schema
 * passed in (often shared, like statusSchema) is left untouched. Apply it last: wrappers added afterwards
 * (`.optional()`…) are new schemas without the hints.
 */
export function withUi<S extends z.ZodType>(schema: S, ui: UiHints): S {
  return schema.meta({ ui });
}

export function uiHintsOf(schema: z.ZodType): UiHints | undefined {
  const ui = z.globalRegistry.get(schema)?.ui;
  // Only withUi writes `ui`; the check keeps foreign metadata under that key from passing as hints.
  return typeof ui === 'object' && ui !== null && 'label' in ui && 'widget' in ui ? (ui as UiHints) : undefined;
}

/** The literal a discriminated option's key holds, through a `.default()` that lets older configs omit it. */
function discriminatorValue(schema: z.ZodType): string | undefined {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return discriminatorValue(schema.unwrap() as z.ZodType);
  return schema instanceof z.ZodLiteral && typeof schema.value === 'string' ? schema.value : undefined;
}

/**
 * The fields of a config schema in declaration order, for a form generator; none for other schemas.
 * A discriminated union (a wait's modes) gives its discriminator first — the union's own hints describe that
 * choice — then each option's other fields, marked with the discriminator value they belong to.
 */
export function uiFieldsOf(schema: z.ZodType): UiField[] {
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const key = schema.def.discriminator;
    const fields: UiField[] = [{ key, schema, hints: uiHintsOf(schema) }];
    for (const option of schema.options as z.ZodType[]) {
      if (!(option instanceof z.ZodObject)) continue;
      const value = discriminatorValue(option.shape[key] as z.ZodType);
      for (const field of uiFieldsOf(option)) {
        if (field.key !== key && value !== undefined) fields.push({ ...field, when: { key, value } });
      }
    }
    return fields;
  }
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => ({
    key,
    schema: field,
    hints: uiHintsOf(field),
  }));
}
