import { z } from 'zod';

/**
 * Field schemas and helpers shared by the platform mappers. Payload schemas name only the fields Postino reads
 * (others are dropped), so a 400 names the platform's own field; platforms send null and "" for "not set".
 */

/** A platform id: a number, or the digit string exact-json makes of one too long for a double. */
export const platformIdSchema = z.union([z.string().trim().min(1).max(100), z.number().int()], 'must be an id').transform(String);

export const optionalTextSchema = z.string('must be a string').nullish();

/** Trimmed text, or undefined for null, undefined and blank (which Postino's schemas treat as absent). */
export function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function fullName(first: string | null | undefined, last: string | null | undefined): string | undefined {
  return present([present(first), present(last)].filter(Boolean).join(' '));
}

/** "example, mens, t-shirt" → ["example", "mens", "t-shirt"]; undefined when the platform said nothing. */
export function splitTags(tags: string | null | undefined): string[] | undefined {
  if (tags === null || tags === undefined) return undefined;
  return tags.split(',').map((tag) => tag.trim()).filter(Boolean);
}

export const unique = <T>(values: T[]): T[] => [...new Set(values)];
