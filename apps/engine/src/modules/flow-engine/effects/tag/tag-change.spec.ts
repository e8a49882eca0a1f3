import { describe, expect, it } from 'vitest';
import { netTagChanges, TagChange } from './tag-change';

const change = (holderId: string, action: TagChange['action'], tags: string[]) => ({
  merchantId: 'm1',
  change: { target: 'customer' as const, holderId, action, tags },
});

describe('netTagChanges', () => {
  it('gives one change per holder where the last change of each tag wins', () => {
    expect(
      netTagChanges([change('c1', 'add', ['vip', 'late']), change('c2', 'remove', ['vip']), change('c1', 'remove', ['late', 'old']), change('c1', 'add', ['old'])]),
    ).toEqual([
      { merchantId: 'm1', holderId: 'c1', add: ['vip', 'old'], remove: ['late'] },
      { merchantId: 'm1', holderId: 'c2', add: [], remove: ['vip'] },
    ]);
  });

  it('keeps holders of different merchants apart', () => {
    const other = { ...change('c1', 'add', ['x']), merchantId: 'm2' };
    expect(netTagChanges([change('c1', 'add', ['x']), other])).toHaveLength(2);
  });
});
