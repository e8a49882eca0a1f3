import { createApiKeyRequestSchema } from '@postino/api-contract';

/** The API's own rule for key names, checked before sending; undefined when the name is fine. */
export function validateApiKeyName(name: string): string | undefined {
  const result = createApiKeyRequestSchema.safeParse({ name });
  if (result.success) return undefined;
  return `Name ${result.error.issues[0].message}.`;
}
