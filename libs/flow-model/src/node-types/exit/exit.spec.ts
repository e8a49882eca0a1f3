import { describe, expect, it } from 'vitest';
import { exitNodeType } from './exit';

describe('exit node type', () => {
  it('has nothing to configure and no exits', () => {
    expect(exitNodeType.configSchema.safeParse({}).success).toBe(true);
    expect(exitNodeType.ports({})).toEqual([]);
    expect(exitNodeType.summary({}, 'fr')).toBe('Sortie');
  });

});
