import { type NodeType, type UiField, type UiHints, uiFieldsOf } from '@postino/flow-model';
import { z } from 'zod';

/** A config field the form draws: one with UI hints (fields without are kept in the values, untouched). */
export type FormField = UiField & { hints: UiHints };

export type ConfigValues = Record<string, unknown>;

/** The fields of a node type's form, in declaration order. */
export function formFields(nodeType: NodeType): FormField[] {
  return uiFieldsOf(nodeType.configSchema).filter((field): field is FormField => field.hints !== undefined);
}

/** A config as form values: an object, whatever a broken draft holds. */
export function formValuesOf(config: unknown): ConfigValues {
  return typeof config === 'object' && config !== null && !Array.isArray(config) ? structuredClone(config as ConfigValues) : {};
}

/**
 * The option a discriminated config is in: its key's value, else the option whose key has a default (a wait
 * stored before its modes has none and means a duration).
 */
export function discriminatorValue(schema: z.ZodType, key: string, values: ConfigValues): unknown {
  if (values[key] !== undefined || !(schema instanceof z.ZodDiscriminatedUnion)) return values[key];
  for (const option of schema.options as z.ZodType[]) {
    const keySchema = option instanceof z.ZodObject ? (option.shape[key] as z.ZodType) : undefined;
    if (keySchema instanceof z.ZodDefault) return keySchema.def.defaultValue;
  }
  return undefined;
}

/** The fields to show for these values: those of the option the discriminator is in, and all the others. */
export function visibleFields(nodeType: NodeType, fields: FormField[], values: ConfigValues): FormField[] {
  return fields.filter((field) => !field.when || discriminatorValue(nodeType.configSchema, field.when.key, values) === field.when.value);
}

/** Whether a field is a discriminated config's choice of option. */
export function isDiscriminator(fields: FormField[], field: FormField): boolean {
  return fields.some((other) => other.when?.key === field.key);
}

/**
 * The values after choosing another option of a discriminated config: the other options' fields are dropped,
 * the new option's fields keep a value they hold or start from their widget's blank value.
 */
export function switchOption(
  fields: FormField[],
  values: ConfigValues,
  key: string,
  value: unknown,
  blankOf: (field: FormField) => unknown,
): ConfigValues {
  const next: ConfigValues = { ...values, [key]: value };
  for (const field of fields) {
    if (field.when?.key !== key) continue;
    if (field.when.value !== value) delete next[field.key];
    else if (next[field.key] === undefined) next[field.key] = blankOf(field);
  }
  return next;
}

/** An error placed at a path inside one field's value ([] is the field itself). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

// A FieldError's own keys besides its texts (`message` and `type` are strings, so no recursion reads them).
const ERROR_KEYS = new Set(['types', 'ref']);

/**
 * The errors of a field's react-hook-form error tree, each at its path inside the field (an array's own error
 * sits under `root` or beside its items' errors), texts through `translate`.
 */
export function issuesOf(error: unknown, translate: (message: string) => string, path: (string | number)[] = []): FieldIssue[] {
  if (typeof error !== 'object' || error === null) return [];
  const node = error as Record<string, unknown>;
  const issues: FieldIssue[] = typeof node.message === 'string' && node.message ? [{ path, message: translate(node.message) }] : [];
  for (const [key, child] of Object.entries(node)) {
    if (ERROR_KEYS.has(key)) continue;
    const childPath = key === 'root' ? path : [...path, /^\d+$/.test(key) ? Number(key) : key];
    issues.push(...issuesOf(child, translate, childPath));
  }
  return issues;
}

/** The issues at a path, and those below it with paths relative to it. */
export function issuesUnder(issues: FieldIssue[], prefix: (string | number)[]): FieldIssue[] {
  return issues
    .filter((issue) => prefix.every((part, index) => issue.path[index] === part))
    .map((issue) => ({ ...issue, path: issue.path.slice(prefix.length) }));
}

/** Whether two configs hold the same data, so the form ignores its own edits coming back as the `config` prop. */
export function sameConfig(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as ConfigValues)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as ConfigValues)[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => sameConfig((a as ConfigValues)[key], (b as ConfigValues)[key]));
}
