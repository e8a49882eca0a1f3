import { HttpException, HttpStatus } from '@nestjs/common';

export interface ApiErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

/** The one error shape of the API: `{ error, message, details }`. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] | Record<string, unknown> | null = null,
  ) {
    super({ error: code, message, details }, status);
  }

  static notFound(what: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} not found`);
  }

  static validation(details: ApiErrorDetail[]): ApiError {
    const summary = details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ');
    return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', summary, details);
  }
}

/** Thrown to answer a request with a stored response (an idempotent replay). */
export class StoredResponse extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('stored response');
  }
}
