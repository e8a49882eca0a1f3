import { NodeType } from './node-type';
import { sendEmailNodeType } from './node-types/send-email';
import { statusChangedNodeType } from './node-types/status-changed';

/** Every node type a flow may use, by type name. A new type is one file here plus one line below. */
export const NODE_TYPES = {
  [statusChangedNodeType.type]: statusChangedNodeType,
  [sendEmailNodeType.type]: sendEmailNodeType,
} as const satisfies Record<string, NodeType>;

export type NodeTypeName = keyof typeof NODE_TYPES;

export function getNodeType(type: string): NodeType | undefined {
  return Object.hasOwn(NODE_TYPES, type) ? NODE_TYPES[type as NodeTypeName] : undefined;
}
