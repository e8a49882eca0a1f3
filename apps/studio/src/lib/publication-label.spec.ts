import { describe, expect, it } from 'vitest';
import { publicationLabel } from './publication-label';

describe('publicationLabel', () => {
  it('names the published version', () => {
    expect(publicationLabel(3)).toBe('Published · v3');
  });

  it('calls something never published a draft', () => {
    expect(publicationLabel(null)).toBe('Draft');
  });
});
