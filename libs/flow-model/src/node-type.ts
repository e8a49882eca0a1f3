import type { Locale } from '@postino/status';
import { z } from 'zod';
import type { FlowEvent, FlowEventType } from './flow-events';

export type LocalizedText = Record<Locale, string>;

export type NodeKind = 'trigger' | 'action' | 'logic';

/** Where the editor's palette files a node type. */
export type NodeCategory = 'triggers' | 'logic' | 'timing' | 'messages' | 'integrations';

/** A named exit of a node; edges leave from a port. */
export interface NodePort {
  id: string;
  label: LocalizedText;
}

/**
 * Something outside the flow a node's config points at (a template, later a coupon pool…). Publishing checks
 * generically that each one exists and is published; `path` is inside the node's config, for the message.
 */
export interface NodeReference {
  kind: 'email_template';
  id: string;
  path: (string | number)[];
}

/**
 * What a trigger's runs are about: every run today is about a shipment. An order trigger's runs would be about an
 * order that may have no shipment yet, so steps that read the shipment are refused in its flows (`needsShipment`).
 */
export type RunSubject = 'shipment' | 'order';

/** What is true now about the shipment a run is for, re-read when a message is about to leave. */
export interface PresentFacts {
  shipment: {
    status: string;
    /** The latest carrier scan (ISO 8601), null before the first. */
    lastScanAt: string | null;
    /** `YYYY-MM-DD`, null when none was given. */
    promisedDeliveryDate: string | null;
  };
}

interface NodeTypeBase<TType extends string, TConfig> {
  type: TType;
  /** Bumped when the config's meaning changes, so stored flows can be migrated. */
  version: number;
  category: NodeCategory;
  /** An icon name the studio maps to a drawing. */
  icon: string;
  label: LocalizedText;
  help: LocalizedText;
  /** Fields carry UI hints in their zod metadata (see ui-hints.ts), from which the editor builds the form. */
  configSchema: z.ZodType<TConfig>;
  /**
   * Every error text configSchema can produce, in every locale. The schema raises the English text, which is the
   * key: direct parses read English and validateFlow() looks the text up for the marketer's locale.
   */
  configMessages: readonly LocalizedText[];
  /** What a node starts with when dropped in the editor; it may still need completing (e.g. choosing a template). */
  defaultConfig: TConfig;
  /** The exits of a node with this config (a switch has one per case): derived, never stored. */
  ports(config: TConfig): readonly NodePort[];
  /** What the config points at outside the flow; publishing checks each one is usable (see referenceIssues). */
  references(config: TConfig): readonly NodeReference[];
  /** One short line for the canvas, in the marketer's language. */
  summary(config: TConfig, locale: Locale): string;
}

/** Starts a run when a domain event it listens to matches; has no input. */
export interface TriggerNodeType<TType extends string = string, TConfig = unknown>
  extends NodeTypeBase<TType, TConfig> {
  kind: 'trigger';
  /** What its runs are about; the triggers of one flow share one. */
  subject: RunSubject;
  /** The domain event types that can start it. */
  listensTo: readonly FlowEventType[];
  matches(config: TConfig, event: FlowEvent): boolean;
  /** Whether what started the run is still true now, asked before each message of the run leaves. */
  stillHolds(config: TConfig, event: FlowEvent, present: PresentFacts): boolean;
}

/** A step reached through an edge: actions act on the world, logic steers the run. */
export interface StepNodeType<TType extends string = string, TConfig = unknown> extends NodeTypeBase<TType, TConfig> {
  kind: 'action' | 'logic';
  /**
   * Whether a step with this config reads the run's shipment (its status, its tags, its data); absent: never.
   * Publishing refuses such a step in a flow whose runs are not about a shipment.
   */
  needsShipment?(config: TConfig): boolean;
}

export type NodeType = TriggerNodeType | StepNodeType;

export type ConfigOf<T> = T extends NodeTypeBase<string, infer C> ? C : never;

/** Declares a node type (n8n style): schema, ports and labels here; its execution lives in the engine. */
export function defineNodeType<const TType extends string, TConfig>(
  definition: TriggerNodeType<TType, TConfig>,
): TriggerNodeType<TType, TConfig>;
export function defineNodeType<const TType extends string, TConfig>(
  definition: StepNodeType<TType, TConfig>,
): StepNodeType<TType, TConfig>;
export function defineNodeType(definition: NodeType): NodeType {
  const portIds = definition.ports(definition.defaultConfig).map((port) => port.id);
  if (new Set(portIds).size !== portIds.length) {
    throw new Error(`Node type "${definition.type}" declares the same output port twice: ${portIds.join(', ')}`);
  }
  return definition;
}
