import { describe, expect, it } from 'vitest';
import { FlowDocument } from './flow-document';
import { findCycles, nextNodes, topologicalOrder, triggerNodes } from './flow-graph';

const at = { x: 0, y: 0 };
const node = (id: string, type = 'send_email') => ({ id, type, config: {}, position: at });
const edge = (from: string, to: string, fromPort = 'next') => ({ from, fromPort, to });
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('triggerNodes', () => {
  it('returns the trigger nodes in document order', () => {
    const flow: FlowDocument = {
      nodes: [node('e1'), node('t1', 'status_changed'), node('t2', 'status_changed')],
      edges: [],
    };

    expect(ids(triggerNodes(flow))).toEqual(['t1', 't2']);
  });
});

describe('nextNodes', () => {
  it('follows only the edges leaving the given port', () => {
    const flow: FlowDocument = {
      nodes: [node('split', 'ab_split'), node('a'), node('b'), node('c')],
      edges: [edge('split', 'a', 'variant_a'), edge('split', 'b', 'variant_b'), edge('split', 'c', 'variant_a')],
    };

    expect(ids(nextNodes(flow, 'split', 'variant_a'))).toEqual(['a', 'c']);
    expect(ids(nextNodes(flow, 'split', 'variant_b'))).toEqual(['b']);
    expect(nextNodes(flow, 'a', 'next')).toEqual([]);
  });
});

describe('topologicalOrder', () => {
  it('puts every node after the nodes leading to it', () => {
    const flow: FlowDocument = {
      nodes: [node('c'), node('b'), node('t', 'status_changed'), node('a'), node('d')],
      edges: [edge('t', 'a'), edge('t', 'b'), edge('a', 'c'), edge('b', 'c'), edge('c', 'd')],
    };

    const order = ids(topologicalOrder(flow));

    expect(order).toEqual(['t', 'b', 'a', 'c', 'd']);
  });

  it('keeps unconnected nodes, in document order', () => {
    const flow: FlowDocument = { nodes: [node('x'), node('y')], edges: [] };

    expect(ids(topologicalOrder(flow))).toEqual(['x', 'y']);
  });

  it('refuses a cyclic flow', () => {
    const flow: FlowDocument = { nodes: [node('a'), node('b')], edges: [edge('a', 'b'), edge('b', 'a')] };

    expect(() => topologicalOrder(flow)).toThrow(/cycle/);
  });
});

describe('findCycles', () => {
  it('returns the edges of each loop, ending with the edge that closes it', () => {
    const flow: FlowDocument = {
      nodes: [node('a'), node('b'), node('c')],
      edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'b')],
    };

    expect(findCycles(flow)).toEqual([[edge('b', 'c'), edge('c', 'b')]]);
  });

  it('finds none in an acyclic flow', () => {
    const flow: FlowDocument = { nodes: [node('a'), node('b')], edges: [edge('a', 'b')] };

    expect(findCycles(flow)).toEqual([]);
  });
});
