import { describe, expect, it } from 'vitest';
import { publicationLabel } from './publication-label';

describe('publicationLabel', () => {
  it('names the published version', () => {
    expect(publicationLabel(3)).toBe('Published · v3');
  });

  it('says when the published version is paused, and when the whole thing is archived', () => {
    expect(publicationLabel(3, 'paused')).toBe('Paused · v3');
    expect(publicationLabel(3, 'archived')).toBe('Archived');
  });

  it('calls something never published a draft', () => {
    expect(publicationLabel(null)).toBe('Draft');
    expect(publicationLabel(null, 'draft')).toBe('Draft');
  });
});
