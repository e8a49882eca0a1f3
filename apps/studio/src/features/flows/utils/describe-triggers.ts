import {
  statusChangedNodeType,
  triggerNodes,
  type FlowDocument,
  type FlowNode,
} from '@postino/flow-model';
import { statusLabel } from '@postino/status';
import { UI_LOCALE } from '../../../lib/ui-locale';
import { nodeLabel } from './node-label';

function describeTrigger(node: FlowNode): string {
  if (node.type === statusChangedNodeType.type) {
    const config = statusChangedNodeType.configSchema.safeParse(node.config);
    if (config.success) {
      const { statuses } = config.data;
      return `Status becomes ${statuses.map((status) => statusLabel(status, UI_LOCALE)).join(', ')}`;
    }
  }
  // A draft may hold a trigger not configured yet: name its type rather than guess what it waits for.
  return nodeLabel(node);
}

/** What starts runs of the flow, one sentence per trigger node, e.g. "Status becomes Out for delivery, Delivered". */
export function describeTriggers(flow: FlowDocument): string[] {
  return triggerNodes(flow).map(describeTrigger);
}
