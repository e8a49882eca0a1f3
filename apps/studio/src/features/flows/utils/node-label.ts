import { getNodeType, type FlowNode } from '@postino/flow-model';
import { humanize } from '../../../lib/humanize';
import { UI_LOCALE } from '../../../lib/ui-locale';

/** The node type's name as the editor shows it; a type this studio does not know yet is shown by its machine name. */
export function nodeLabel(node: FlowNode): string {
  return getNodeType(node.type)?.label[UI_LOCALE] ?? humanize(node.type);
}
