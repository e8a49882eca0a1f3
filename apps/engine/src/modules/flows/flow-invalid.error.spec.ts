import { describe, expect, it } from 'vitest';
import { flowInvalid } from './flow-invalid.error';

const definition = {
  nodes: [
    { id: 'start', type: 'status_changed', config: { statuses: [] }, position: { x: 0, y: 0 } },
    { id: 'mail', type: 'send_email', config: {}, position: { x: 0, y: 0 } },
  ],
  edges: [],
};

describe('flowInvalid', () => {
  it('answers 422 flow_invalid with fields named as in the request and the node they are in', () => {
    const error = flowInvalid(definition, [
      { path: ['nodes', 0, 'config', 'statuses'], message: 'Choose at least one status.' },
      { path: ['edges', 0, 'to'], message: 'This connection leads to a missing step ("x").' },
      { path: [], message: 'Invalid input' },
    ]);

    expect(error.getStatus()).toBe(422);
    expect(error.getResponse()).toEqual({
      error: 'flow_invalid',
      message:
        'The flow cannot be published: definition.nodes.0.config.statuses: Choose at least one status. (and 2 more)',
      details: [
        { field: 'definition.nodes.0.config.statuses', message: 'Choose at least one status.', nodeId: 'start' },
        { field: 'definition.edges.0.to', message: 'This connection leads to a missing step ("x").' },
        { field: 'definition', message: 'Invalid input' },
      ],
    });
  });

  it('leaves the node out when the stored draft has no node at that index', () => {
    const error = flowInvalid({ nodes: 'not a list' }, [{ path: ['nodes', 3, 'id'], message: 'Duplicate.' }]);
    expect((error.getResponse() as { details: unknown[] }).details).toEqual([
      { field: 'definition.nodes.3.id', message: 'Duplicate.' },
    ]);
  });
});
