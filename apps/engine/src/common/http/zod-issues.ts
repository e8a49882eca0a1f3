import type { ApiErrorDetail } from './api-error';

interface IssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/** Turns zod issues into error details that name the field by its dotted path. */
export function zodIssuesToDetails(issues: readonly IssueLike[]): ApiErrorDetail[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    return { field, message: issue.message };
  });
}
