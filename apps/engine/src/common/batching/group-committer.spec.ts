import { describe, expect, it } from 'vitest';
import { GroupCommitter } from './group-committer';

describe('GroupCommitter', () => {
  it('writes the first item at once and groups those that arrive while it is written', async () => {
    const groups: number[][] = [];
    let release: () => void = () => undefined;
    const committer = new GroupCommitter<number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await new Promise<void>((r) => (release = r));
    });

    const first = committer.add(1);
    const rest = [2, 3, 4].map((n) => committer.add(n));
    release();
    await Promise.all([first, ...rest]);

    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects the items of a group whose write failed, and goes on with the next group', async () => {
    let calls = 0;
    const committer = new GroupCommitter<string>(async () => {
      calls++;
      if (calls === 1) throw new Error('disk full');
    });

    await expect(committer.add('a')).rejects.toThrow('disk full');
    await expect(committer.add('b')).resolves.toBeUndefined();
  });

  it('never writes more than the group limit at once', async () => {
    const sizes: number[] = [];
    const committer = new GroupCommitter<number>(async (items) => void sizes.push(items.length), 2);

    await Promise.all([1, 2, 3, 4, 5].map((n) => committer.add(n)));

    expect(Math.max(...sizes)).toBeLessThanOrEqual(2);
    expect(sizes.reduce((a, b) => a + b)).toBe(5);
  });
});
