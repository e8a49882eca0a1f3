import type { ImportView } from '@postino/api-contract';
import { describe, expect, it } from 'vitest';
import { findUpload } from './find-upload';

function view(id: string, overrides: Partial<ImportView> = {}): ImportView {
  return {
    id,
    kind: 'orders',
    fileName: 'orders.csv',
    state: 'running',
    bytesTotal: 1000,
    bytesRead: 10,
    rowsDone: 0,
    rowsFailed: 0,
    items: { created: 0, updated: 0, unchanged: 0 },
    errorCount: 0,
    errorsUrl: `/api/v1/imports/${id}/errors.csv`,
    ignoredColumns: [],
    error: null,
    startedAt: '2026-11-27T10:00:00Z',
    finishedAt: null,
    ...overrides,
  };
}

const upload = { kind: 'orders' as const, fileName: 'orders.csv', size: 1000, knownIds: ['old'] };

describe('findUpload', () => {
  it('finds the new import of the same kind, name and size', () => {
    expect(findUpload([view('new'), view('old')], upload)?.id).toBe('new');
  });

  it('ignores imports that existed before, or of another kind, name or size', () => {
    expect(
      findUpload([view('old'), view('a', { kind: 'products' }), view('b', { fileName: 'x.csv' }), view('c', { bytesTotal: 5 })], upload),
    ).toBeUndefined();
  });

  it('accepts an import whose size the engine was not told', () => {
    expect(findUpload([view('new', { bytesTotal: null })], upload)?.id).toBe('new');
  });
});
