import { describe, expect, it } from 'vitest';
import type { Locale } from '@postino/status';
import { FlowDocument } from './flow-document';
import { validateFlow } from './validate-flow';

const TEMPLATE_ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const at = { x: 0, y: 0 };

const trigger = (id: string, statuses: unknown = ['delivered']) => ({
  id,
  type: 'status_changed',
  config: { statuses },
  position: at,
});
const sendEmail = (id: string, templateId: unknown = TEMPLATE_ID) => ({
  id,
  type: 'send_email',
  config: { templateId },
  position: at,
});
const edge = (from: string, to: string, fromPort = 'next') => ({ from, fromPort, to });

const validFlow: FlowDocument = {
  nodes: [trigger('t1'), sendEmail('e1'), sendEmail('e2')],
  edges: [edge('t1', 'e1'), edge('e1', 'e2')],
};

function issuesOf(input: unknown, locale?: Locale) {
  const result = validateFlow(input, { locale });
  if (result.ok) throw new Error('expected the flow to be invalid');
  return result.issues;
}

describe('validateFlow', () => {
  it('accepts a valid flow and returns it typed', () => {
    expect(validateFlow(validFlow)).toEqual({ ok: true, flow: validFlow });
  });

  it('accepts two triggers leading to the same email', () => {
    const flow = { nodes: [trigger('t1'), trigger('t2', ['returned']), sendEmail('e1')], edges: [edge('t1', 'e1'), edge('t2', 'e1')] };

    expect(validateFlow(flow).ok).toBe(true);
  });

  describe('structure', () => {
    it('rejects what is not a flow document, pointing at the broken part', () => {
      expect(issuesOf({ nodes: [{ id: 'a', type: 'send_email', config: {} }], edges: [] })).toEqual([
        { path: ['nodes', 0, 'position'], message: expect.any(String) },
      ]);
    });

    it('rejects a missing edge list', () => {
      expect(issuesOf({ nodes: [] })).toEqual([{ path: ['edges'], message: expect.any(String) }]);
    });

    it('rejects non-objects', () => {
      expect(issuesOf('flow')).toEqual([{ path: [], message: expect.any(String) }]);
    });
  });

  it('rejects two nodes with the same id', () => {
    const flow = { nodes: [trigger('t1'), sendEmail('e1'), sendEmail('e1')], edges: [edge('t1', 'e1')] };

    expect(issuesOf(flow)).toEqual([{ path: ['nodes', 2, 'id'], message: 'Another step already uses the id "e1".' }]);
  });

  it('rejects an unknown node type', () => {
    const flow = { ...validFlow, nodes: [...validFlow.nodes, { id: 'x', type: 'send_pigeon', config: {}, position: at }] };

    expect(issuesOf(flow)).toEqual([{ path: ['nodes', 3, 'type'], message: '"send_pigeon" is not a known kind of step.' }]);
  });

  describe("node config against its type's schema", () => {
    it('points at the config field of the node at fault', () => {
      const flow = { nodes: [sendEmail('e1', 'not-a-uuid'), trigger('t1', [])], edges: [edge('t1', 'e1')] };

      expect(issuesOf(flow)).toEqual([
        { path: ['nodes', 0, 'config', 'templateId'], message: 'Choose an email template.' },
        { path: ['nodes', 1, 'config', 'statuses'], message: 'Choose at least one status.' },
      ]);
    });

    it('points inside lists', () => {
      const flow = { ...validFlow, nodes: [trigger('t1', ['delivered', 'teleported']), sendEmail('e1'), sendEmail('e2')] };

      expect(issuesOf(flow)).toEqual([{ path: ['nodes', 0, 'config', 'statuses', 1], message: expect.any(String) }]);
    });
  });

  describe('edges', () => {
    it('rejects an edge from or to a node that does not exist', () => {
      const flow = { ...validFlow, edges: [...validFlow.edges, edge('ghost', 'e1'), edge('e1', 'nowhere')] };

      expect(issuesOf(flow)).toEqual([
        { path: ['edges', 2, 'from'], message: 'This connection starts from a missing step ("ghost").' },
        { path: ['edges', 3, 'to'], message: 'This connection leads to a missing step ("nowhere").' },
      ]);
    });

    it('rejects an edge leaving from a port the source node does not have', () => {
      const flow = { ...validFlow, edges: [edge('t1', 'e1', 'yes'), edge('e1', 'e2')] };

      expect(issuesOf(flow)).toEqual([
        { path: ['edges', 0, 'fromPort'], message: '"Status changed" (t1) has no exit "yes" (its exits: "next").' },
      ]);
    });

    it('rejects an edge into a trigger', () => {
      const flow = { ...validFlow, edges: [...validFlow.edges, edge('e2', 't1')] };

      expect(issuesOf(flow)).toContainEqual({
        path: ['edges', 2, 'to'],
        message: '"Status changed" (t1) is a trigger: it starts the flow, so nothing can lead into it.',
      });
    });

    it('rejects the same connection drawn twice', () => {
      const flow = { ...validFlow, edges: [...validFlow.edges, edge('t1', 'e1')] };

      expect(issuesOf(flow)).toEqual([{ path: ['edges', 2], message: 'This connection is drawn twice.' }]);
    });

    it('accepts one port leading to several different nodes', () => {
      const flow = { ...validFlow, edges: [edge('t1', 'e1'), edge('t1', 'e2')] };

      expect(validateFlow(flow).ok).toBe(true);
    });
  });

  describe('cycles', () => {
    it('rejects a loop and names its steps in order', () => {
      const flow = {
        nodes: [trigger('t1'), sendEmail('e1'), sendEmail('e2'), sendEmail('e3')],
        edges: [edge('t1', 'e1'), edge('e1', 'e2'), edge('e2', 'e3'), edge('e3', 'e1')],
      };

      expect(issuesOf(flow)).toEqual([
        {
          path: ['edges', 3],
          message:
            'These steps form a loop: "Send email" (e1) → "Send email" (e2) → "Send email" (e3) → "Send email" (e1). A flow must always move forward.',
        },
      ]);
    });

    it('rejects a node connected to itself', () => {
      const flow = { ...validFlow, edges: [...validFlow.edges, edge('e2', 'e2')] };

      expect(issuesOf(flow)).toEqual([
        { path: ['edges', 2], message: 'These steps form a loop: "Send email" (e2) → "Send email" (e2). A flow must always move forward.' },
      ]);
    });

    it('reports a loop that no trigger reaches', () => {
      const flow = {
        nodes: [...validFlow.nodes, sendEmail('a'), sendEmail('b')],
        edges: [...validFlow.edges, edge('a', 'b'), edge('b', 'a')],
      };

      expect(issuesOf(flow)).toEqual([{ path: ['edges', 3], message: expect.stringContaining('(a) → "Send email" (b) → "Send email" (a)') }]);
    });

    it('accepts paths that split and join again (a diamond is not a loop)', () => {
      const flow = {
        nodes: [trigger('t1'), sendEmail('a'), sendEmail('b'), sendEmail('c')],
        edges: [edge('t1', 'a'), edge('t1', 'b'), edge('a', 'c'), edge('b', 'c')],
      };

      expect(validateFlow(flow).ok).toBe(true);
    });
  });

  it('rejects a flow without a trigger', () => {
    const flow = { nodes: [sendEmail('e1')], edges: [] };

    expect(issuesOf(flow)).toEqual([
      { path: ['nodes'], message: 'The flow has no trigger: add one to say when the flow starts.' },
    ]);
  });

  it('rejects an empty flow', () => {
    expect(issuesOf({ nodes: [], edges: [] })).toEqual([{ path: ['nodes'], message: expect.stringContaining('no trigger') }]);
  });

  it('checks exits against the ports of the node\'s config, and leaves them to the config check when it is invalid', () => {
    const flow = { nodes: [trigger('t1', []), sendEmail('e1')], edges: [edge('t1', 'e1', 'yes')] };

    expect(issuesOf(flow)).toEqual([{ path: ['nodes', 0, 'config', 'statuses'], message: 'Choose at least one status.' }]);
  });

  it('accepts a wait between the trigger and the email', () => {
    const wait = { id: 'w1', type: 'wait', config: { duration: { amount: 2, unit: 'hours' } }, position: at };
    const flow = { nodes: [trigger('t1'), wait, sendEmail('e1')], edges: [edge('t1', 'w1'), edge('w1', 'e1')] };

    expect(validateFlow(flow).ok).toBe(true);
  });

  describe('in the marketer\'s language', () => {
    it('words the flow\'s own problems and names steps by their localized labels', () => {
      const flow = { ...validFlow, edges: [edge('t1', 'e1', 'yes'), edge('e1', 'e2'), edge('e1', 'e2'), edge('e2', 'e1')] };

      expect(issuesOf(flow, 'es')).toEqual([
        { path: ['edges', 0, 'fromPort'], message: '"Cambio de estado" (t1) no tiene la salida "yes" (sus salidas: "next").' },
        { path: ['edges', 2], message: 'Esta conexión está dibujada dos veces.' },
        {
          path: ['edges', 3],
          message: 'Estos pasos forman un bucle: "Enviar email" (e1) → "Enviar email" (e2) → "Enviar email" (e1). Un flujo siempre debe avanzar.',
        },
      ]);
    });

    it('words the node types\' config problems', () => {
      const flow = { nodes: [sendEmail('e1', ''), trigger('t1', [])], edges: [edge('t1', 'e1')] };

      expect(issuesOf(flow, 'de')).toEqual([
        { path: ['nodes', 0, 'config', 'templateId'], message: 'Wählen Sie eine E-Mail-Vorlage.' },
        { path: ['nodes', 1, 'config', 'statuses'], message: 'Wählen Sie mindestens einen Status.' },
      ]);
    });

    it('words a missing trigger and a malformed document', () => {
      expect(issuesOf({ nodes: [sendEmail('e1')], edges: [] }, 'fr')).toEqual([
        { path: ['nodes'], message: "Le flux n'a pas de déclencheur : ajoutez-en un pour indiquer quand le flux démarre." },
      ]);
      const [malformed] = issuesOf({ nodes: [] }, 'it');
      expect(malformed.message).not.toBe(issuesOf({ nodes: [] }, 'en')[0].message);
    });
  });

  it('reports every problem at once', () => {
    const flow = {
      nodes: [sendEmail('e1', ''), { id: 'x', type: 'mystery', config: {}, position: at }],
      edges: [edge('e1', 'e1'), edge('e1', 'ghost')],
    };

    expect(issuesOf(flow).map((issue) => issue.path)).toEqual([
      ['nodes', 0, 'config', 'templateId'],
      ['nodes', 1, 'type'],
      ['nodes'],
      ['edges', 1, 'to'],
      ['edges', 0],
    ]);
  });
});
