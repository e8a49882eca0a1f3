import { z } from 'zod';
import { FlowDocument, flowDocumentSchema, FlowNode } from './flow-document';
import { findCycles } from './flow-graph';
import { NodeType } from './node-type';
import { getNodeType } from './node-type-registry';

/** One problem in a flow, with the path of the part to fix (e.g. ['nodes', 2, 'config', 'statuses']). */
export interface FlowIssue {
  path: (string | number)[];
  message: string;
}

export type FlowValidationResult = { ok: true; flow: FlowDocument } | { ok: false; issues: FlowIssue[] };

function issuesFromZod(error: z.ZodError, prefix: (string | number)[]): FlowIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message: issue.message,
  }));
}

/** How a message names a node: its type's label and its id, e.g. `"Send email" (n2)`. */
function describeNode(node: FlowNode, nodeType: NodeType | undefined): string {
  return nodeType ? `"${nodeType.label.en}" (${node.id})` : `"${node.id}"`;
}

function nodeIssues(flow: FlowDocument): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const seenIds = new Set<string>();
  flow.nodes.forEach((node, index) => {
    if (seenIds.has(node.id)) {
      issues.push({ path: ['nodes', index, 'id'], message: `Another step already uses the id "${node.id}".` });
    }
    seenIds.add(node.id);

    const nodeType = getNodeType(node.type);
    if (!nodeType) {
      issues.push({ path: ['nodes', index, 'type'], message: `"${node.type}" is not a known kind of step.` });
      return;
    }
    const config = nodeType.configSchema.safeParse(node.config);
    if (!config.success) issues.push(...issuesFromZod(config.error, ['nodes', index, 'config']));
  });

  if (!flow.nodes.some((node) => getNodeType(node.type)?.kind === 'trigger')) {
    issues.push({ path: ['nodes'], message: 'The flow has no trigger: add one to say when the flow starts.' });
  }
  return issues;
}

function edgeIssues(flow: FlowDocument): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const nodesById = new Map(flow.nodes.map((node) => [node.id, node]));
  const seenEdges = new Set<string>();

  flow.edges.forEach((edge, index) => {
    const source = nodesById.get(edge.from);
    const target = nodesById.get(edge.to);
    const sourceType = source && getNodeType(source.type);
    const targetType = target && getNodeType(target.type);

    if (!source) {
      issues.push({ path: ['edges', index, 'from'], message: `This connection starts from a missing step ("${edge.from}").` });
    } else if (sourceType && !sourceType.outputs.some((port) => port.id === edge.fromPort)) {
      const ports = sourceType.outputs.map((port) => `"${port.id}"`).join(', ') || 'none';
      issues.push({
        path: ['edges', index, 'fromPort'],
        message: `${describeNode(source, sourceType)} has no exit "${edge.fromPort}" (its exits: ${ports}).`,
      });
    }

    if (!target) {
      issues.push({ path: ['edges', index, 'to'], message: `This connection leads to a missing step ("${edge.to}").` });
    } else if (targetType?.kind === 'trigger') {
      issues.push({
        path: ['edges', index, 'to'],
        message: `${describeNode(target, targetType)} is a trigger: it starts the flow, so nothing can lead into it.`,
      });
    }

    const key = JSON.stringify([edge.from, edge.fromPort, edge.to]);
    if (seenEdges.has(key)) {
      issues.push({ path: ['edges', index], message: 'This connection is drawn twice.' });
    }
    seenEdges.add(key);
  });

  return issues;
}

function cycleIssues(flow: FlowDocument): FlowIssue[] {
  const nodesById = new Map(flow.nodes.map((node) => [node.id, node]));
  const nameOf = (id: string) => {
    const node = nodesById.get(id);
    return node ? describeNode(node, getNodeType(node.type)) : `"${id}"`;
  };
  return findCycles(flow).map((cycle) => {
    const closingEdge = cycle[cycle.length - 1];
    const loop = [...cycle.map((edge) => nameOf(edge.from)), nameOf(closingEdge.to)].join(' → ');
    return {
      path: ['edges', flow.edges.indexOf(closingEdge)],
      message: `These steps form a loop: ${loop}. A flow must always move forward.`,
    };
  });
}

/** Checks a flow document fully: its structure first, then what makes it runnable. */
export function validateFlow(input: unknown): FlowValidationResult {
  const parsed = flowDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, []) };

  const flow = parsed.data;
  const issues = [...nodeIssues(flow), ...edgeIssues(flow), ...cycleIssues(flow)];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, flow };
}
