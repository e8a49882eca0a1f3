import { getNodeType, type FlowNode } from '@postino/flow-model';
import { humanize } from '../../../lib/humanize';
import { UI_LOCALE } from '../../../lib/ui-locale';

/** The node type's name as the editor shows it; a type this studio does not know yet is shown by its machine name. */
export function nodeLabel(node: FlowNode): string {
  return getNodeType(node.type)?.label[UI_LOCALE] ?? humanize(node.type);
}

/**
 * The node's one-line summary ("Wait 2 hours"). A draft may hold a node not configured yet: it is named by its
 * type rather than described from a config that does not hold.
 */
export function nodeSummary(node: FlowNode): string {
  const nodeType = getNodeType(node.type);
  const config = nodeType?.configSchema.safeParse(node.config);
  return nodeType && config?.success ? nodeType.summary(config.data, UI_LOCALE) : nodeLabel(node);
}
