import { describe, expect, it } from 'vitest';
import { importProgress } from './import-progress';

describe('importProgress', () => {
  it('is the share of bytes read while running', () => {
    expect(importProgress({ state: 'running', bytesRead: 250, bytesTotal: 1000 })).toEqual({
      bytesRead: 250,
      bytesTotal: 1000,
      fraction: 0.25,
      finished: false,
    });
  });

  it('falls back to the size of the chosen file, and has no fraction without any size', () => {
    expect(importProgress({ state: 'running', bytesRead: 50, bytesTotal: null }, 200).fraction).toBe(0.25);
    expect(importProgress({ state: 'running', bytesRead: 50, bytesTotal: null }).fraction).toBeNull();
  });

  it('is complete once done', () => {
    expect(importProgress({ state: 'done', bytesRead: 997, bytesTotal: 1000 })).toMatchObject({ bytesRead: 1000, fraction: 1, finished: true });
  });

  it('stays where a failed import stopped', () => {
    expect(importProgress({ state: 'failed', bytesRead: 400, bytesTotal: 1000 })).toMatchObject({ fraction: 0.4, finished: true });
  });
});
