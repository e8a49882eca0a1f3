import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../validate-flow';
import { exitNodeType } from './exit';

describe('exit node type', () => {
  it('has nothing to configure and no exits', () => {
    expect(exitNodeType.configSchema.safeParse({}).success).toBe(true);
    expect(exitNodeType.ports({})).toEqual([]);
    expect(exitNodeType.summary({}, 'fr')).toBe('Sortie');
  });

  it('cannot lead anywhere', () => {
    const result = validateFlow({
      nodes: [
        { id: 't', type: 'status_changed', config: { statuses: ['delivered'] }, position: { x: 0, y: 0 } },
        { id: 'x', type: 'exit', config: {}, position: { x: 0, y: 1 } },
        { id: 'w', type: 'wait', config: { duration: { amount: 1, unit: 'hours' } }, position: { x: 0, y: 2 } },
      ],
      edges: [
        { from: 't', fromPort: 'next', to: 'x' },
        { from: 'x', fromPort: 'next', to: 'w' },
      ],
    });
    expect(result.ok ? [] : result.issues).toEqual([
      { path: ['edges', 1, 'fromPort'], message: '"Exit" (x) has no exit "next" (its exits: none).' },
    ]);
  });
});
