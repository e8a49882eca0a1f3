import { STATUSES } from '@postino/status';
import { describe, expect, it } from 'vitest';
import { statusTones } from './status-tone';

describe('statusTones', () => {
  it('gives every status its own colour', () => {
    const tones = STATUSES.map((status) => statusTones[status]);

    expect(tones.every(Boolean)).toBe(true);
    expect(new Set(tones).size).toBe(STATUSES.length);
  });

  it('marks success green and problems red', () => {
    expect(statusTones.delivered).toBe('green');
    expect(statusTones.exception).toBe('red');
  });
});
