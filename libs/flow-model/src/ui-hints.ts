import { z } from 'zod';
import type { LocalizedText } from './node-type';

/** How the generated editor draws a config field; each widget knows the shape of value it edits. */
export type UiWidget =
  | 'status_picker'
  | 'template_picker'
  | 'duration'
  | 'local_time_window'
  | 'weights'
  | 'carrier_picker'
  | 'country_picker'
  | 'text'
  | 'number'
  | 'toggle'
  | 'quiet_hours';

/** What the editor needs to present one config field to a marketer. */
export interface UiHints {
  label: LocalizedText;
  help?: LocalizedText;
  widget: UiWidget;
}

/** One field of an object schema with the hints it carries (undefined if it has none). */
export interface UiField {
  key: string;
  schema: z.ZodType;
  hints: UiHints | undefined;
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

/** The fields of an object schema in declaration order, for a form generator; none for other schemas. */
export function uiFieldsOf(schema: z.ZodType): UiField[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => ({
    key,
    schema: field,
    hints: uiHintsOf(field),
  }));
}
