/** An API failure as the studio shows it: the engine's `{ error, message, details }` body, or a stand-in for it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

const fallbackMessages: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You need to log in again.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  429: 'Too many requests. Please wait a moment and try again.',
};

/** Builds an ApiError from an HTTP status and a response body that may or may not follow the engine's error shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof fields.error === 'string' && fields.error ? fields.error : `http_${status}`;
  const message =
    typeof fields.message === 'string' && fields.message
      ? fields.message
      : (fallbackMessages[status] ?? `The server could not complete the request (HTTP ${status}).`);
  return new ApiError(status, code, message, fields.details);
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, 'network_error', 'Could not reach the Postino server. Check your connection.');
  error.cause = cause;
  return error;
}

/** A message fit for the screen, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
