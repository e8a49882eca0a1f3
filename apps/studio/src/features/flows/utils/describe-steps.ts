import { getNodeType, topologicalOrder, type FlowDocument, type FlowNode } from '@postino/flow-model';
import { nodeSummary } from './node-text';

/** Drafts are not checked for cycles until published; a cyclic one is listed in the order it was written. */
function runOrder(flow: FlowDocument): FlowNode[] {
  try {
    return topologicalOrder(flow);
  } catch {
    return flow.nodes;
  }
}

/** The summaries of the nodes after the trigger, each after the nodes leading to it, e.g. ["Wait 2 hours", "Send email"]. */
export function describeSteps(flow: FlowDocument): string[] {
  return runOrder(flow)
    .filter((node) => getNodeType(node.type)?.kind !== 'trigger')
    .map(nodeSummary);
}
