import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { AuthenticatedRequest } from '../auth/principal';
import { ApiError, StoredResponse } from '../http/api-error';
import { IdempotencyRepository } from './idempotency.repository';

const HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 255;

/**
 * Stable across key order, so `{a,b}` and `{b,a}` are the same request. Recursive: request bodies are at most
 * MAX_JSON_DEPTH deep, refused at body parsing before any interceptor runs.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * POST + `Idempotency-Key`: the first response (2xx) is stored per merchant and key; a repeat with
 * the same body gets it again, a repeat with another body gets 422, a repeat while the first is
 * still running gets 409. Keys are kept 24 hours.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly repository: IdempotencyRepository,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = req.headers[HEADER];
    if (req.method !== 'POST' || key === undefined || !req.principal) return next.handle();
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw ApiError.validation([
        { field: 'Idempotency-Key', message: `must be a single value of 1 to ${MAX_KEY_LENGTH} characters` },
      ]);
    }
    const merchantId = req.principal.merchantId;
    const path = req.originalUrl.split('?')[0];
    const requestHash = createHash('sha256').update(`POST ${path}\n${canonicalJson(req.body)}`).digest('hex');
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;

    return from(this.repository.claim({ merchantId, key, method: 'POST', path, requestHash })).pipe(
      mergeMap((existing) => {
        if (existing) return throwError(() => this.answerForExisting(existing, requestHash));
        return next.handle().pipe(
          mergeMap((body) => from(this.repository.complete(merchantId, key, status, body)).pipe(mergeMap(() => [body]))),
          catchError((error) =>
            from(this.repository.release(merchantId, key)).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  private answerForExisting(
    existing: { requestHash: string; responseStatus: number | null; responseBody: unknown },
    requestHash: string,
  ): Error {
    if (existing.requestHash !== requestHash) {
      return new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request body',
        [{ field: 'Idempotency-Key', message: 'already used with a different body' }],
      );
    }
    if (existing.responseStatus === null) {
      return new ApiError(HttpStatus.CONFLICT, 'idempotency_in_progress', 'A request with this Idempotency-Key is still running');
    }
    return new StoredResponse(existing.responseStatus, existing.responseBody);
  }
}
