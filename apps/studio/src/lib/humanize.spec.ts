import { describe, expect, it } from 'vitest';
import { humanize } from './humanize';

describe('humanize', () => {
  it('turns snake_case, kebab-case and camelCase names into a sentence-case phrase', () => {
    expect(humanize('quiet_hours')).toBe('Quiet hours');
    expect(humanize('frequency-cap')).toBe('Frequency cap');
    expect(humanize('noLongerTrue')).toBe('No longer true');
  });

  it('capitalizes a single word', () => {
    expect(humanize('uncertain')).toBe('Uncertain');
  });
});
