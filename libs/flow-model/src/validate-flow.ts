import type { Locale } from '@postino/status';
import { configIssues } from './config-issues';
import { FlowDocument, flowDocumentSchema, FlowNode } from './flow-document';
import { findCycles } from './flow-graph';
import type { FlowIssue } from './flow-issue';
import { issuesFromZod, zodErrorMap } from './localized-messages';
import { NodeType } from './node-type';
import { getNodeType } from './node-type-registry';
import { VALIDATE_FLOW_MESSAGES as MESSAGES } from './validate-flow.messages';

export type FlowValidationResult = { ok: true; flow: FlowDocument } | { ok: false; issues: FlowIssue[] };

export interface ValidateFlowOptions {
  /** The language of the messages, the marketer's. Default 'en'. */
  locale?: Locale;
}

/** How a message names a node: its type's label and its id, e.g. `"Send email" (n2)`. */
function describeNode(node: FlowNode, nodeType: NodeType | undefined, locale: Locale): string {
  return nodeType ? `"${nodeType.label[locale]}" (${node.id})` : `"${node.id}"`;
}

function nodeIssues(flow: FlowDocument, locale: Locale): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const seenIds = new Set<string>();
  flow.nodes.forEach((node, index) => {
    if (seenIds.has(node.id)) {
      issues.push({ path: ['nodes', index, 'id'], message: MESSAGES.duplicateId[locale]({ id: node.id }) });
    }
    seenIds.add(node.id);

    const nodeType = getNodeType(node.type);
    if (!nodeType) {
      issues.push({ path: ['nodes', index, 'type'], message: MESSAGES.unknownType[locale]({ type: node.type }) });
      return;
    }
    for (const issue of configIssues(nodeType, node.config, locale)) {
      issues.push({ path: ['nodes', index, 'config', ...issue.path], message: issue.message });
    }
  });

  if (!flow.nodes.some((node) => getNodeType(node.type)?.kind === 'trigger')) {
    issues.push({ path: ['nodes'], message: MESSAGES.noTrigger[locale] });
  }
  return issues;
}

/** The exits of a node with a valid config; undefined when its config is invalid (reported on its own). */
function portsOf(node: FlowNode, nodeType: NodeType): string[] | undefined {
  const config = nodeType.configSchema.safeParse(node.config);
  return config.success ? nodeType.ports(config.data).map((port) => port.id) : undefined;
}

function edgeIssues(flow: FlowDocument, locale: Locale): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const nodesById = new Map(flow.nodes.map((node) => [node.id, node]));
  const seenEdges = new Set<string>();

  flow.edges.forEach((edge, index) => {
    const source = nodesById.get(edge.from);
    const target = nodesById.get(edge.to);
    const sourceType = source && getNodeType(source.type);
    const targetType = target && getNodeType(target.type);
    const sourcePorts = source && sourceType && portsOf(source, sourceType);

    if (!source) {
      issues.push({ path: ['edges', index, 'from'], message: MESSAGES.missingSource[locale]({ id: edge.from }) });
    } else if (sourcePorts && !sourcePorts.includes(edge.fromPort)) {
      issues.push({
        path: ['edges', index, 'fromPort'],
        message: MESSAGES.noSuchExit[locale]({
          node: describeNode(source, sourceType, locale),
          port: edge.fromPort,
          ports: sourcePorts.map((port) => `"${port}"`).join(', '),
        }),
      });
    }

    if (!target) {
      issues.push({ path: ['edges', index, 'to'], message: MESSAGES.missingTarget[locale]({ id: edge.to }) });
    } else if (targetType?.kind === 'trigger') {
      issues.push({
        path: ['edges', index, 'to'],
        message: MESSAGES.intoTrigger[locale]({ node: describeNode(target, targetType, locale) }),
      });
    }

    const key = JSON.stringify([edge.from, edge.fromPort, edge.to]);
    if (seenEdges.has(key)) issues.push({ path: ['edges', index], message: MESSAGES.duplicateEdge[locale] });
    seenEdges.add(key);
  });

  return issues;
}

function cycleIssues(flow: FlowDocument, locale: Locale): FlowIssue[] {
  const nodesById = new Map(flow.nodes.map((node) => [node.id, node]));
  const nameOf = (id: string) => {
    const node = nodesById.get(id);
    return node ? describeNode(node, getNodeType(node.type), locale) : `"${id}"`;
  };
  return findCycles(flow).map((cycle) => {
    const closingEdge = cycle[cycle.length - 1];
    const loop = [...cycle.map((edge) => nameOf(edge.from)), nameOf(closingEdge.to)].join(' → ');
    return { path: ['edges', flow.edges.indexOf(closingEdge)], message: MESSAGES.loop[locale]({ loop }) };
  });
}

/**
 * What the flow's runs are about must suit every step: its triggers start one kind of run, and in a flow whose
 * runs are about an order (which may have no shipment yet) no step may need a shipment. Judged only on valid
 * configs (an invalid one is reported on its own). `typeOf` is the registry's look-up, replaceable in tests.
 */
export function subjectIssues(flow: FlowDocument, locale: Locale, typeOf: (type: string) => NodeType | undefined = getNodeType): FlowIssue[] {
  const triggers = flow.nodes.flatMap((node) => {
    const nodeType = typeOf(node.type);
    return nodeType?.kind === 'trigger' ? [{ node, nodeType }] : [];
  });
  const first = triggers[0];
  if (!first) return [];
  const issues: FlowIssue[] = [];
  const other = triggers.find(({ nodeType }) => nodeType.subject !== first.nodeType.subject);
  if (other) {
    issues.push({
      path: ['nodes', flow.nodes.indexOf(other.node), 'type'],
      message: MESSAGES.mixedSubjects[locale]({
        node: describeNode(other.node, other.nodeType, locale),
        other: describeNode(first.node, first.nodeType, locale),
      }),
    });
    return issues;
  }
  if (first.nodeType.subject === 'shipment') return issues;
  flow.nodes.forEach((node, index) => {
    const nodeType = typeOf(node.type);
    if (!nodeType || nodeType.kind === 'trigger' || !nodeType.needsShipment) return;
    const config = nodeType.configSchema.safeParse(node.config);
    if (config.success && nodeType.needsShipment(config.data)) {
      issues.push({ path: ['nodes', index, 'type'], message: MESSAGES.needsShipment[locale]({ node: describeNode(node, nodeType, locale) }) });
    }
  });
  return issues;
}

/** Checks a flow document fully: its structure first, then what makes it runnable; messages in `locale`. */
export function validateFlow(input: unknown, options: ValidateFlowOptions = {}): FlowValidationResult {
  const locale = options.locale ?? 'en';
  const parsed = flowDocumentSchema.safeParse(input, { error: zodErrorMap(locale) });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, []) };

  const flow = parsed.data;
  const issues = [...nodeIssues(flow, locale), ...edgeIssues(flow, locale), ...cycleIssues(flow, locale), ...subjectIssues(flow, locale)];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, flow };
}
