import type { Locale } from '@postino/status';
import { z } from 'zod';

export type LocalizedText = Record<Locale, string>;

export type NodeKind = 'trigger' | 'action' | 'logic';

/** A named exit of a node; edges leave from a port. */
export interface NodePort {
  id: string;
  label: LocalizedText;
}

interface NodeTypeBase<TType extends string, TConfig> {
  type: TType;
  label: LocalizedText;
  description: LocalizedText;
  configSchema: z.ZodType<TConfig>;
  outputs: readonly NodePort[];
  /** What a node starts with when dropped in the editor; it may still need completing (e.g. choosing a template). */
  defaultConfig: TConfig;
}

/** Starts a run when an event matches; has no input. */
export interface TriggerNodeType<TType extends string = string, TConfig = unknown, TEvent = unknown>
  extends NodeTypeBase<TType, TConfig> {
  kind: 'trigger';
  matches(config: TConfig, event: TEvent): boolean;
}

/** A step reached through an edge: actions act on the world, logic steers the run. */
export interface StepNodeType<TType extends string = string, TConfig = unknown> extends NodeTypeBase<TType, TConfig> {
  kind: 'action' | 'logic';
}

export type NodeType = TriggerNodeType | StepNodeType;

/** Declares a node type (n8n style): schema, ports and labels here; its execution lives in the engine. */
export function defineNodeType<const TType extends string, TConfig, TEvent>(
  definition: TriggerNodeType<TType, TConfig, TEvent>,
): TriggerNodeType<TType, TConfig, TEvent>;
export function defineNodeType<const TType extends string, TConfig>(
  definition: StepNodeType<TType, TConfig>,
): StepNodeType<TType, TConfig>;
export function defineNodeType(definition: NodeType): NodeType {
  const portIds = definition.outputs.map((port) => port.id);
  if (new Set(portIds).size !== portIds.length) {
    throw new Error(`Node type "${definition.type}" declares the same output port twice: ${portIds.join(', ')}`);
  }
  return definition;
}
