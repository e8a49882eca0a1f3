import { z } from 'zod';

export const flowNodeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  /** Checked against the node type's own schema by validateFlow, not here. */
  config: z.record(z.string(), z.unknown()),
  /** Where the editor draws the node; irrelevant to execution. */
  position: z.object({ x: z.number(), y: z.number() }),
});

export const flowEdgeSchema = z.object({
  from: z.string().min(1),
  fromPort: z.string().min(1),
  to: z.string().min(1),
});

/** The structure of a flow as stored and exchanged; validateFlow checks what structure alone cannot. */
export const flowDocumentSchema = z.object({
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
});

export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
