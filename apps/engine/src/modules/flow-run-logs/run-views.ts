import type { FlowNodeCounters, FlowRunLogEntry, FlowRunSummary } from '@postino/api-contract';
import { getNodeType, topologicalOrder, type FlowDocument } from '@postino/flow-model';
import type { RunMessageRow, RunRow, StepLogRow } from './flow-run-log.repository';
import type { NodeCountRow } from './node-counters.repository';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function runSummaryView(run: RunRow): FlowRunSummary {
  return {
    id: run.id,
    flowId: run.flowId,
    flowVersionId: run.flowVersionId,
    version: run.version,
    shipmentId: run.shipmentId,
    state: run.state,
    triggerNodeId: run.triggerNodeId,
    createdAt: run.createdAt.toISOString(),
  };
}

/**
 * A run's log: one entry per node it entered, with that node's messages, in the order the run went through
 * them — by when it entered each; steps reached in one pass share that instant, and then the graph decides
 * (a node comes after those leading to it).
 */
export function runLogView(definition: FlowDocument, steps: StepLogRow[], messages: RunMessageRow[]): FlowRunLogEntry[] {
  const rank = new Map(topologicalOrder(definition).map((node, index) => [node.id, index]));
  const types = new Map(definition.nodes.map((node) => [node.id, node.type]));
  const ordered = [...steps].sort(
    (a, b) => a.enteredAt.getTime() - b.enteredAt.getTime() || (rank.get(a.nodeId) ?? 0) - (rank.get(b.nodeId) ?? 0),
  );
  return ordered.map((step) => ({
    nodeId: step.nodeId,
    nodeType: types.get(step.nodeId) ?? null,
    state: step.state,
    enteredAt: step.enteredAt.toISOString(),
    finishedAt: iso(step.finishedAt),
    port: step.exitPort,
    waitingUntil: iso(step.waitUntil),
    waitingFor: step.waitFor,
    held: step.held,
    attempts: step.attempts,
    error: step.lastError,
    messages: messages
      .filter((message) => message.nodeId === step.nodeId)
      .map((message) => ({
        id: message.id,
        channel: message.channel,
        recipient: message.recipient,
        state: message.state,
        skipReason: message.skipReason,
        lastError: message.lastError,
        createdAt: message.createdAt.toISOString(),
        sentAt: iso(message.sentAt),
      })),
  }));
}

/**
 * The ports a step node declares (from its settings), so a port no run took yet shows 0. A trigger counts only
 * the runs it started (`entered`): each goes on at once to the nodes its port leads to, whose `entered` say so.
 */
function declaredPorts(node: FlowDocument['nodes'][number]): string[] {
  const nodeType = getNodeType(node.type);
  if (!nodeType || nodeType.kind === 'trigger') return [];
  const parsed = nodeType.configSchema.safeParse(node.config);
  return parsed.success ? nodeType.ports(parsed.data).map((port) => port.id) : [];
}

/** Every node of the version, in definition order, with its counters (0 where nothing was counted). */
export function countersView(definition: FlowDocument, counts: NodeCountRow[]): FlowNodeCounters[] {
  const byNode = new Map<string, FlowNodeCounters>(
    definition.nodes.map((node) => [
      node.id,
      { nodeId: node.id, entered: 0, ports: Object.fromEntries(declaredPorts(node).map((port) => [port, 0])), ended: 0, failed: 0, waiting: 0 },
    ]),
  );
  for (const count of counts) {
    const node = byNode.get(count.nodeId);
    if (!node) continue;
    if (count.kind === 'exited') node.ports[count.port] = (node.ports[count.port] ?? 0) + count.n;
    else node[count.kind] += count.n;
  }
  return [...byNode.values()];
}
