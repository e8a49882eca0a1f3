import { expect } from 'vitest';
import { ApiError } from './api-error';

/** For specs: the ApiError a promise rejects with (fails the test when it resolves or rejects otherwise). */
export async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
