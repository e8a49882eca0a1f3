import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { importIdOf } from './import-id-of';

describe('importIdOf', () => {
  it('reads the import id from the details of a refused file', () => {
    const error = new ApiError(400, 'invalid_file', 'Line 9 is not UTF-8', [{ field: 'body', message: 'not UTF-8', importId: 'i-1' }]);
    expect(importIdOf(error)).toBe('i-1');
  });

  it('has none for a file refused before an import existed, or for other failures', () => {
    expect(importIdOf(new ApiError(400, 'empty_file', 'The file is empty', [{ field: 'body', message: 'empty' }]))).toBeUndefined();
    expect(importIdOf(new ApiError(0, 'network_error', 'offline'))).toBeUndefined();
    expect(importIdOf(new Error('x'))).toBeUndefined();
  });
});
