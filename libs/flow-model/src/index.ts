export { flowDocumentSchema, flowEdgeSchema, flowNodeSchema } from './flow-document';
export type { FlowDocument, FlowEdge, FlowNode } from './flow-document';
export { SHIPMENT_STATUS_CHANGED, shipmentIdOf } from './flow-events';
export type { FlowEvent, FlowEventPayloads, FlowEventType, ShipmentStatusChangedPayload } from './flow-events';
export { defineNodeType } from './node-type';
export type {
  ConfigOf,
  LocalizedText,
  NodeCategory,
  NodeKind,
  NodePort,
  NodeReference,
  NodeType,
  PresentFacts,
  StepNodeType,
  TriggerNodeType,
} from './node-type';
export { NODE_TYPES, getNodeType, triggerTypesListeningTo } from './node-type-registry';
export type { NodeTypeName } from './node-type-registry';
export { statusChangedNodeType } from './node-types/status-changed';
export type { StatusChangedConfig } from './node-types/status-changed';
export { sendEmailNodeType } from './node-types/send-email';
export type { SendEmailConfig } from './node-types/send-email';
export { MAX_WAIT_DAYS, waitDurationMs, waitNodeType } from './node-types/wait';
export type { WaitConfig } from './node-types/wait';
export { uiFieldsOf, uiHintsOf, withUi } from './ui-hints';
export type { UiField, UiHints, UiWidget } from './ui-hints';
export type { FlowIssue } from './flow-issue';
export type { LocalizedMessage } from './localized-messages';
export { configIssues } from './config-issues';
export { validateFlow } from './validate-flow';
export type { FlowValidationResult, ValidateFlowOptions } from './validate-flow';
export { flowReferences, referenceIssues } from './reference-issues';
export type { FlowReference, ReferenceState } from './reference-issues';
export { findCycles, nextNodes, topologicalOrder, triggerNodes } from './flow-graph';
export { localTimeSchema, quietHoursEnd, quietHoursSchema } from './quiet-hours';
export type { QuietHours } from './quiet-hours';
export { effectiveQuietHours, quietHoursOverrideSchema } from './node-types/shared/quiet-hours-override';
export type { QuietHoursOverride } from './node-types/shared/quiet-hours-override';
