import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from './flow-document';
import type { NodeType } from './node-type';
import { getNodeType } from './node-type-registry';
import { shipmentCreatedNodeType } from './node-types/shipment-created';
import { subjectIssues, validateFlow } from './validate-flow';

// No registered trigger starts order runs yet: a stand-in for one, looked up beside the registry.
const orderTrigger = { ...shipmentCreatedNodeType, type: 'order_placed', subject: 'order' } as NodeType;
const typeOf = (type: string) => (type === orderTrigger.type ? orderTrigger : getNodeType(type));

const at = { x: 0, y: 0 };
const node = (id: string, type: string, config: Record<string, unknown>): FlowNode => ({ id, type, config, position: at });
const orderStart = node('t1', 'order_placed', {});

/** A flow of the order trigger followed by `step`. */
const afterOrder = (step: FlowNode): FlowDocument => ({ nodes: [orderStart, step], edges: [{ from: 't1', fromPort: 'next', to: step.id }] });

const STEPS_NEEDING_A_SHIPMENT: [string, FlowNode][] = [
  ['a wait until a status', node('w', 'wait', { mode: 'status', statuses: ['delivered'], timeout: { amount: 3, unit: 'days' } })],
  ['a condition on the shipment', node('c', 'condition', { groups: [{ match: 'all', rules: [{ fact: 'shipment.status', operator: 'is_any_of', value: ['delivered'] }] }] })],
  ['a switch', node('s', 'switch', { by: 'shipment.carrier', cases: [{ id: 'ups', values: ['ups'] }] })],
  ['tagging the shipment', node('g', 'tag', { target: 'shipment', action: 'add', tags: ['late'] })],
  ['a webhook', node('h', 'webhook', { url: 'https://shop.example.com/hooks/postino' })],
  ['an alert', node('a', 'alert_team', { title: 'Look at this order' })],
];

const STEPS_FOR_ANY_RUN: [string, FlowNode][] = [
  ['a wait of a duration', node('w', 'wait', { mode: 'duration', duration: { amount: 1, unit: 'days' } })],
  ['a condition on the customer', node('c', 'condition', { groups: [{ match: 'all', rules: [{ fact: 'customer.tags', operator: 'has_any_of', value: ['vip'] }] }] })],
  ['tagging the customer', node('g', 'tag', { target: 'customer', action: 'add', tags: ['first-order'] })],
  ['an e-mail', node('e', 'send_email', { templateId: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e' })],
  ['an exit', node('x', 'exit', {})],
];

describe('what a flow’s runs are about', () => {
  it.each(STEPS_NEEDING_A_SHIPMENT)('refuses %s in a flow started by an order, naming the step', (_name, step) => {
    const nodeType = getNodeType(step.type);
    expect(nodeType?.configSchema.safeParse(step.config).success, 'the step’s config is valid').toBe(true);
    expect(subjectIssues(afterOrder(step), 'en', typeOf)).toEqual([
      { path: ['nodes', 1, 'type'], message: expect.stringContaining(`"${nodeType?.label.en}" (${step.id}) needs a shipment`) },
    ]);
  });

  it.each(STEPS_FOR_ANY_RUN)('accepts %s in a flow started by an order', (_name, step) => {
    expect(getNodeType(step.type)?.configSchema.safeParse(step.config).success, 'the step’s config is valid').toBe(true);
    expect(subjectIssues(afterOrder(step), 'en', typeOf)).toEqual([]);
  });

  it('accepts every one of those steps in a flow started by a shipment (what publishing sees today)', () => {
    const steps = STEPS_NEEDING_A_SHIPMENT.map(([, step]) => step);
    const flow = {
      nodes: [node('t1', 'shipment_created', {}), ...steps],
      edges: steps.map((step) => ({ from: 't1', fromPort: 'next', to: step.id })),
    };
    expect(validateFlow(flow)).toEqual({ ok: true, flow });
  });

  it('says it in the marketer’s language', () => {
    const [, wait] = STEPS_NEEDING_A_SHIPMENT[0];
    expect(subjectIssues(afterOrder(wait), 'de', typeOf)[0].message).toBe(
      '"Warten" (w) braucht eine Sendung, dieser Ablauf beginnt aber mit einer Bestellung, die vielleicht noch keine hat: ' +
        'Entfernen Sie den Schritt oder starten Sie den Ablauf mit einem Sendungs-Auslöser.',
    );
  });

  it('refuses triggers of one flow starting different kinds of runs', () => {
    const flow: FlowDocument = {
      nodes: [node('t0', 'shipment_created', {}), orderStart, node('e', 'exit', {})],
      edges: [
        { from: 't0', fromPort: 'next', to: 'e' },
        { from: 't1', fromPort: 'next', to: 'e' },
      ],
    };
    expect(subjectIssues(flow, 'es', typeOf)).toEqual([
      { path: ['nodes', 1, 'type'], message: expect.stringContaining('inician ejecuciones de distinto tipo') },
    ]);
  });

  it('leaves a step with an invalid config to its own message', () => {
    expect(subjectIssues(afterOrder(node('w', 'wait', { mode: 'status' })), 'en', typeOf)).toEqual([]);
  });
});
