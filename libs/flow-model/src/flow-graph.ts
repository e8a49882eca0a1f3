import { FlowDocument, FlowEdge, FlowNode } from './flow-document';
import { getNodeType } from './node-type-registry';

/** The nodes that start runs of this flow. */
export function triggerNodes(flow: FlowDocument): FlowNode[] {
  return flow.nodes.filter((node) => getNodeType(node.type)?.kind === 'trigger');
}

/** The nodes reached from `nodeId` through its output `port`, in edge order. */
export function nextNodes(flow: FlowDocument, nodeId: string, port: string): FlowNode[] {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  return flow.edges
    .filter((edge) => edge.from === nodeId && edge.fromPort === port)
    .flatMap((edge) => byId.get(edge.to) ?? []);
}

/**
 * The nodes ordered so that every node comes after all nodes with an edge into it
 * (ties keep document order). Throws on a cycle: validated flows have none.
 */
export function topologicalOrder(flow: FlowDocument): FlowNode[] {
  const incoming = new Map(flow.nodes.map((node) => [node.id, 0]));
  for (const edge of flow.edges) incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);

  const ordered: FlowNode[] = [];
  let ready = flow.nodes.filter((node) => incoming.get(node.id) === 0);
  while (ready.length > 0) {
    ordered.push(...ready);
    const released = new Set<string>();
    for (const node of ready) {
      for (const edge of flow.edges.filter((candidate) => candidate.from === node.id)) {
        const remaining = (incoming.get(edge.to) ?? 0) - 1;
        incoming.set(edge.to, remaining);
        if (remaining === 0) released.add(edge.to);
      }
    }
    ready = flow.nodes.filter((node) => released.has(node.id));
  }

  if (ordered.length !== flow.nodes.length) throw new Error('The flow has a cycle: it has no topological order.');
  return ordered;
}

/**
 * Each cycle found by a depth-first walk, as the edges that form it (the last edge closes it).
 * Edges to or from missing nodes are ignored.
 */
export function findCycles(flow: FlowDocument): FlowEdge[][] {
  const nodeIds = new Set(flow.nodes.map((node) => node.id));
  const outgoing = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) {
    if (!nodeIds.has(edge.from) || !nodeIds.has(edge.to)) continue;
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  }

  const cycles: FlowEdge[][] = [];
  const finished = new Set<string>();
  const path: FlowEdge[] = [];
  const onPath = new Set<string>();

  const visit = (nodeId: string): void => {
    onPath.add(nodeId);
    for (const edge of outgoing.get(nodeId) ?? []) {
      if (onPath.has(edge.to)) {
        const start = path.findIndex((step) => step.from === edge.to);
        cycles.push([...(start === -1 ? [] : path.slice(start)), edge]);
      } else if (!finished.has(edge.to)) {
        path.push(edge);
        visit(edge.to);
        path.pop();
      }
    }
    onPath.delete(nodeId);
    finished.add(nodeId);
  };

  for (const nodeId of nodeIds) if (!finished.has(nodeId)) visit(nodeId);
  return cycles;
}
