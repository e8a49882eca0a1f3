import { getNodeType, type FlowNode } from '@postino/flow-model';

const parsed = new WeakMap<FlowNode, unknown>();

/**
 * A published node's config with its schema's defaults applied, parsed once per cached node. Published
 * configs were valid when published; one that no longer parses is read as stored.
 */
export function parsedNodeConfig(node: FlowNode): unknown {
  if (!parsed.has(node)) {
    const result = getNodeType(node.type)?.configSchema.safeParse(node.config);
    parsed.set(node, result?.success ? result.data : node.config);
  }
  return parsed.get(node);
}
