import type { FlowDocument, FlowEdge, FlowNode } from '../flow-document';
import type { LocalizedText } from '../node-type';
import { getNodeType } from '../node-type-registry';

/** A ready-drawn flow a marketer can start a draft from; its messages still need the shop's templates. */
export interface StarterFlow {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  document: FlowDocument;
}

/** One node of a starter: its type's default config with the given changes, drawn at a grid cell. */
export interface StarterNode {
  id: string;
  type: string;
  config?: Record<string, unknown>;
  column: number;
  row: number;
}

const COLUMN_WIDTH = 280;
const ROW_HEIGHT = 140;

/** Builds a starter's document from grid cells and `[from, port, to]` edges, so each starter reads as a drawing. */
export function starterDocument(nodes: readonly StarterNode[], edges: readonly [string, string, string][]): FlowDocument {
  return {
    nodes: nodes.map((node): FlowNode => {
      const nodeType = getNodeType(node.type);
      if (!nodeType) throw new Error(`A starter flow uses the unknown node type "${node.type}"`);
      return {
        id: node.id,
        type: node.type,
        config: { ...(nodeType.defaultConfig as Record<string, unknown>), ...node.config },
        position: { x: node.column * COLUMN_WIDTH, y: node.row * ROW_HEIGHT },
      };
    }),
    edges: edges.map(([from, fromPort, to]): FlowEdge => ({ from, fromPort, to })),
  };
}
