import { sendEmailNodeType, type FlowDocument, type FlowNode } from '@postino/flow-model';

const TEMPLATE_ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

export function flowNode(id: string, type: string, config: Record<string, unknown> = {}): FlowNode {
  return { id, type, config, position: { x: 0, y: 0 } };
}

export const sendEmailNode = (id: string) => flowNode(id, sendEmailNodeType.type, { templateId: TEMPLATE_ID });

/** "trigger → each of `steps`, one after the other", written in the order given. */
export function chainFlow(trigger: FlowNode, ...steps: FlowNode[]): FlowDocument {
  const nodes = [trigger, ...steps];
  return {
    nodes,
    edges: steps.map((step, index) => ({ from: nodes[index].id, fromPort: 'next', to: step.id })),
  };
}
