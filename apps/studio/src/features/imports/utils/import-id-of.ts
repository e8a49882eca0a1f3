import { ApiError } from '../../../lib/api-error';

/** The import a refused upload still created: the engine names it in the error details once it exists. */
export function importIdOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return undefined;
  for (const detail of error.details) {
    if (typeof detail === 'object' && detail !== null && typeof (detail as { importId?: unknown }).importId === 'string') {
      return (detail as { importId: string }).importId;
    }
  }
  return undefined;
}
