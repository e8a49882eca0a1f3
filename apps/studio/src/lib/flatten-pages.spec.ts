import { describe, expect, it } from 'vitest';
import { flattenPages } from './flatten-pages';

describe('flattenPages', () => {
  it('joins the pages in order', () => {
    expect(flattenPages([{ items: [{ id: 'a' }, { id: 'b' }] }, { items: [{ id: 'c' }] }]).map((i) => i.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('keeps an item that shows up again on a later page where it first appeared', () => {
    const pages = [{ items: [{ id: 'a', v: 1 }] }, { items: [{ id: 'a', v: 2 }, { id: 'b', v: 1 }] }];
    expect(flattenPages(pages)).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ]);
  });

  it('is empty without pages', () => {
    expect(flattenPages([])).toEqual([]);
  });
});
