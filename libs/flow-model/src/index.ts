export { flowDocumentSchema, flowEdgeSchema, flowNodeSchema } from './flow-document';
export type { FlowDocument, FlowEdge, FlowNode } from './flow-document';
export { SHIPMENT_CREATED, SHIPMENT_DELAYED, SHIPMENT_STALLED, SHIPMENT_STATUS_CHANGED, shipmentIdOf } from './flow-events';
export type {
  FlowEvent,
  FlowEventPayloads,
  FlowEventType,
  ShipmentCreatedPayload,
  ShipmentDelayedPayload,
  ShipmentStalledPayload,
  ShipmentStatusChangedPayload,
} from './flow-events';
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
export { shipmentCreatedNodeType } from './node-types/shipment-created';
export type { ShipmentCreatedConfig } from './node-types/shipment-created';
export { shipmentExceptionNodeType } from './node-types/shipment-exception';
export type { ShipmentExceptionConfig } from './node-types/shipment-exception';
export { shipmentDelayedNodeType } from './node-types/shipment-delayed';
export type { ShipmentDelayedConfig } from './node-types/shipment-delayed';
export { shipmentStalledNodeType } from './node-types/shipment-stalled';
export type { ShipmentStalledConfig } from './node-types/shipment-stalled';
export { sendEmailNodeType } from './node-types/send-email';
export type { SendEmailConfig } from './node-types/send-email';
export { sendSmsNodeType } from './node-types/send-sms';
export type { SendSmsConfig } from './node-types/send-sms';
export { nextWindowOpening, waitNodeType } from './node-types/wait';
export type { LocalWindow, WaitConfig } from './node-types/wait';
export { durationMs, MAX_WAIT_DAYS } from './node-types/shared/duration';
export type { Duration } from './node-types/shared/duration';
export { awaitedEventMatches, awaitedEventStillHolds } from './awaited-event';
export type { AwaitedEvent } from './awaited-event';
export { conditionFacts, conditionNodeType, describeRule, evaluateCondition, ruleHolds } from './node-types/condition';
export type { ConditionConfig, ConditionRule } from './node-types/condition';
export { switchNodeType, switchPort } from './node-types/switch';
export type { SwitchConfig } from './node-types/switch';
export { abSplitNodeType, assignmentPoint, assignVariant, customerKeyOf, experimentIdOf, HOLDOUT } from './node-types/ab-split';
export type { AbSplitConfig, SplitSettings } from './node-types/ab-split';
export { exitNodeType } from './node-types/exit';
export type { ExitConfig } from './node-types/exit';
export { normalizeTag, TAG_MAX_LENGTH, TAGS_PER_HOLDER, TAGS_PER_NODE, tagNodeType } from './node-types/tag';
export type { TagConfig } from './node-types/tag';
export { ALERT_NOTE_MAX_LENGTH, ALERT_TITLE_MAX_LENGTH, alertTeamNodeType } from './node-types/alert-team';
export type { AlertTeamConfig } from './node-types/alert-team';
export { WEBHOOK_URL_MAX_LENGTH, webhookNodeType } from './node-types/webhook';
export type { WebhookConfig } from './node-types/webhook';
export { FACTS, getFact, subjectsOf } from './facts/fact-catalogue';
export type { EnumFact, FactDefinition, FactId, FactSubject, FactValueOf, FactValueType } from './facts/fact-catalogue';
export { OPERATORS, getOperator } from './facts/operators';
export type { OperandKind, OperandOf, OperatorDefinition } from './facts/operators';
export { amountToMinor, formatMoney, isKnownCurrency } from './facts/money';
export type { MoneyAmount } from './facts/money';
export { COUNTRY_CODES, countryName, countryTimeZone, DEFAULT_TIME_ZONE, isCountryCode, localDate, recipientTimeZone } from './facts/places';
export { runTimeZone } from './facts/run-facts';
export type { ConsentState, RunFacts } from './facts/run-facts';
export { UI_WIDGETS, uiFieldsOf, uiHintsOf, withUi } from './ui-hints';
export type { UiField, UiHints, UiWidget } from './ui-hints';
export type { FlowIssue } from './flow-issue';
export type { LocalizedMessage } from './localized-messages';
export { zodErrorMap } from './localized-messages';
export { configIssues, configMessageTranslator } from './config-issues';
export { validateFlow } from './validate-flow';
export type { FlowValidationResult, ValidateFlowOptions } from './validate-flow';
export { flowReferences, referenceIssues } from './reference-issues';
export type { FlowReference, ReferenceState } from './reference-issues';
export { findCycles, nextNodes, topologicalOrder, triggerNodes } from './flow-graph';
export { localTimeSchema, quietHoursEnd, quietHoursSchema } from './quiet-hours';
export type { QuietHours } from './quiet-hours';
export { effectiveQuietHours, quietHoursOverrideSchema } from './node-types/shared/quiet-hours-override';
export type { QuietHoursOverride } from './node-types/shared/quiet-hours-override';
export { digestWindowMinutes, MAX_DIGEST_MINUTES } from './node-types/shared/digest-window';
export { STARTER_FLOWS } from './starters';
export type { StarterFlow } from './starters';
