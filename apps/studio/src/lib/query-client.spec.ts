import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('retries network failures, throttling and server errors, twice at most', () => {
    expect(shouldRetry(0, new ApiError(0, 'network_error', 'offline'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'unavailable', 'down'))).toBe(true);
    expect(shouldRetry(0, new ApiError(429, 'too_many', 'slow down'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'unavailable', 'down'))).toBe(false);
  });

  it('does not repeat a request the server refused', () => {
    expect(shouldRetry(0, new ApiError(404, 'not_found', 'Customer not found'))).toBe(false);
    expect(shouldRetry(0, new ApiError(400, 'validation_failed', 'q is too long'))).toBe(false);
  });
});
