import type { FlowEventType } from './flow-events';
import type { NodeType, TriggerNodeType } from './node-type';
import { abSplitNodeType } from './node-types/ab-split';
import { alertTeamNodeType } from './node-types/alert-team';
import { conditionNodeType } from './node-types/condition';
import { exitNodeType } from './node-types/exit';
import { sendEmailNodeType } from './node-types/send-email';
import { sendSmsNodeType } from './node-types/send-sms';
import { shipmentCreatedNodeType } from './node-types/shipment-created';
import { shipmentExceptionNodeType } from './node-types/shipment-exception';
import { shipmentDelayedNodeType } from './node-types/shipment-delayed';
import { shipmentStalledNodeType } from './node-types/shipment-stalled';
import { statusChangedNodeType } from './node-types/status-changed';
import { switchNodeType } from './node-types/switch';
import { tagNodeType } from './node-types/tag';
import { waitNodeType } from './node-types/wait';
import { webhookNodeType } from './node-types/webhook';

/** Every node type a flow may use. A new type is its folder under node-types/ plus one line here. */
const REGISTERED = [
  statusChangedNodeType,
  shipmentCreatedNodeType,
  shipmentExceptionNodeType,
  shipmentDelayedNodeType,
  shipmentStalledNodeType,
  sendEmailNodeType,
  sendSmsNodeType,
  waitNodeType,
  conditionNodeType,
  switchNodeType,
  abSplitNodeType,
  exitNodeType,
  tagNodeType,
  alertTeamNodeType,
  webhookNodeType,
] as const;

type Registered = (typeof REGISTERED)[number];

export type NodeTypeName = Registered['type'];

/** The registered node types by type name. */
export const NODE_TYPES = Object.fromEntries(REGISTERED.map((nodeType) => [nodeType.type, nodeType])) as {
  readonly [T in Registered as T['type']]: T;
};

if (Object.keys(NODE_TYPES).length !== REGISTERED.length) {
  throw new Error(`Two node types share a type name: ${REGISTERED.map((nodeType) => nodeType.type).join(', ')}`);
}

/** The node type of a stored node; undefined for unknown names (including inherited keys like "toString"). */
export function getNodeType(type: string): NodeType | undefined {
  return Object.hasOwn(NODE_TYPES, type) ? NODE_TYPES[type as NodeTypeName] : undefined;
}

/** The trigger types a domain event of this type may start, so the engine asks only those to match. */
export function triggerTypesListeningTo(eventType: FlowEventType): TriggerNodeType[] {
  return Object.values<NodeType>(NODE_TYPES).filter(
    (nodeType): nodeType is TriggerNodeType => nodeType.kind === 'trigger' && nodeType.listensTo.includes(eventType),
  );
}
