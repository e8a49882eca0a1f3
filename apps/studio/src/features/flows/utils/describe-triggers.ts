import { triggerNodes, type FlowDocument } from '@postino/flow-model';
import { nodeSummary } from './node-text';

/** What starts runs of the flow, one line per trigger node, e.g. "Status becomes Out for delivery or Delivered". */
export function describeTriggers(flow: FlowDocument): string[] {
  return triggerNodes(flow).map(nodeSummary);
}
