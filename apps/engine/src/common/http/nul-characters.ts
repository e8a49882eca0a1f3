import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.key != null; at = at.parent) keys.unshift(at.key);
  // A key may itself hold the NUL: show it escaped rather than echo it.
  return keys.join('.').replaceAll('\u0000', '\\u0000');
}

/**
 * The dotted path of the first string (or key) holding U+0000, or null. Iterative: a 2 MB body
 * may nest deeper than the call stack.
 */
export function findNulCharacter(root: unknown): string | null {
  const pending: Visit[] = [{ value: root, key: null, parent: null }];
  while (pending.length > 0) {
    const visit = pending.pop() as Visit;
    if (typeof visit.value === 'string') {
      if (visit.value.includes('\u0000')) return pathOf(visit);
    } else if (visit.value !== null && typeof visit.value === 'object') {
      for (const [key, value] of Object.entries(visit.value)) {
        const child = { value, key, parent: visit };
        if (key.includes('\u0000')) return pathOf(child);
        pending.push(child);
      }
    }
  }
  return null;
}

/**
 * PostgreSQL's text and jsonb cannot hold U+0000, so such input would fail at the first INSERT
 * as a 500: refuse it up front with a 400 naming the field.
 */
export function refuseNulCharacters(req: Request, res: Response, next: NextFunction): void {
  const field = findNulCharacter(req.body) ?? findNulCharacter(req.query);
  if (field === null) {
    next();
    return;
  }
  const error = ApiError.validation([{ field: field || undefined, message: 'must not contain NUL characters (U+0000)' }]);
  res.status(error.getStatus()).json(error.getResponse());
}
