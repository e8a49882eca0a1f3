import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
  it('shows small files in bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
  });

  it('steps up in decimal units with one decimal', () => {
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(104_857_600)).toBe('105 MB');
    expect(formatBytes(2_400_000_000)).toBe('2.4 GB');
  });
});
