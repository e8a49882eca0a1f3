import type { NextFunction, Request, Response } from 'express';
import { ApiError, type ApiErrorDetail } from './api-error';

/**
 * Deeper JSON is refused: flows, templates and events need a handful of levels, and code that walks a
 * document recursively (zod, canonical JSON for Idempotency-Key, JSON.stringify) can overflow the stack on a
 * 2 MB body nested thousands of levels deep. The body itself is level 1.
 */
export const MAX_JSON_DEPTH = 64;

// A UTF-16 surrogate without its other half: JavaScript strings may hold one, PostgreSQL jsonb refuses it
// (and text would silently store U+FFFD instead).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNPRINTABLE = new RegExp(`\u0000|${LONE_SURROGATE.source}`, 'g');

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
  /** How many objects and arrays hold this value. */
  depth: number;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.key != null; at = at.parent) keys.unshift(at.key);
  // A key may itself hold the offending character: show it escaped rather than echo it.
  return keys
    .join('.')
    .replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (\\ud800 to \\udfff without its pair)';
  return null;
}

/**
 * The first value (or key) PostgreSQL could not store, or nesting deeper than MAX_JSON_DEPTH, with its
 * dotted path; null when there is none. Iterative, so the walk itself cannot overflow the stack.
 */
export function findUnstorableInput(root: unknown): ApiErrorDetail | null {
  const pending: Visit[] = [{ value: root, key: null, parent: null, depth: 0 }];
  while (pending.length > 0) {
    const visit = pending.pop() as Visit;
    if (typeof visit.value === 'string') {
      const message = textProblem(visit.value);
      if (message) return { field: pathOf(visit), message };
    } else if (visit.value !== null && typeof visit.value === 'object') {
      if (visit.depth + 1 > MAX_JSON_DEPTH) {
        return { field: pathOf(visit), message: `must not be nested more than ${MAX_JSON_DEPTH} levels deep` };
      }
      for (const [key, value] of Object.entries(visit.value)) {
        const child = { value, key, parent: visit, depth: visit.depth + 1 };
        const message = textProblem(key);
        if (message) return { field: pathOf(child), message };
        pending.push(child);
      }
    }
  }
  return null;
}

/**
 * Input that would fail at the first INSERT or overflow the stack, as a 500, is refused up front with a
 * 400 naming the field.
 */
export function refuseUnstorableInput(req: Request, res: Response, next: NextFunction): void {
  // A raw body (webhooks, see raw-body.ts) is bytes, not JSON yet: its hook checks it once it has verified it.
  const body = Buffer.isBuffer(req.body) ? undefined : req.body;
  const problem = findUnstorableInput(body) ?? findUnstorableInput(req.query);
  if (problem === null) {
    next();
    return;
  }
  const error = ApiError.validation([{ ...problem, field: problem.field || undefined }]);
  res.status(error.getStatus()).json(error.getResponse());
}
