import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps the code, message and details of an engine error body', () => {
    const error = toApiError(400, {
      error: 'validation_failed',
      message: 'email: Invalid email address',
      details: [{ path: ['email'] }],
    });

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('email: Invalid email address');
    expect(error.details).toEqual([{ path: ['email'] }]);
  });

  it('falls back to a readable message when the body is not JSON', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');

    expect(error.code).toBe('http_502');
    expect(error.message).toBe('The server could not complete the request (HTTP 502).');
  });

  it('uses a status-specific message when the body has no message', () => {
    expect(toApiError(404, { error: 'not_found' }).message).toBe('Not found.');
  });

  it('flags 401 as unauthorized and other statuses as not', () => {
    expect(toApiError(401, null).isUnauthorized).toBe(true);
    expect(toApiError(403, null).isUnauthorized).toBe(false);
  });
});

describe('errorMessage', () => {
  it('shows an error message, or a generic one for non-errors', () => {
    expect(errorMessage(new Error('Boom'))).toBe('Boom');
    expect(errorMessage('nope')).toBe('Something went wrong.');
  });
});
