import { describe, expect, it } from 'vitest';
import type { FlowDocument } from './flow-document';
import type { NodeReference } from './node-type';
import { flowReferences, referenceIssues, type ReferenceState } from './reference-issues';

const PUBLISHED = '11111111-1111-4111-8111-111111111111';
const DRAFT_ONLY = '22222222-2222-4222-8222-222222222222';
const UNKNOWN = '33333333-3333-4333-8333-333333333333';

const flowSending = (...templateIds: string[]): FlowDocument => ({
  nodes: [
    { id: 'trigger', type: 'status_changed', config: { statuses: ['delivered'] }, position: { x: 0, y: 0 } },
    ...templateIds.map((templateId, i) => ({
      id: `email${i + 1}`,
      type: 'send_email',
      config: { templateId },
      position: { x: 0, y: 100 * (i + 1) },
    })),
  ],
  edges: templateIds.map((_, i) => ({ from: 'trigger', fromPort: 'next', to: `email${i + 1}` })),
});

const states: Record<string, ReferenceState> = { [PUBLISHED]: 'published', [DRAFT_ONLY]: 'unpublished' };
const known = (reference: NodeReference): ReferenceState => states[reference.id] ?? 'missing';

describe('flowReferences', () => {
  it('lists what each node points at, with the node and its index, skipping nodes that point at nothing', () => {
    expect(flowReferences(flowSending(PUBLISHED, DRAFT_ONLY))).toEqual([
      { kind: 'email_template', id: PUBLISHED, path: ['templateId'], nodeIndex: 1, nodeId: 'email1' },
      { kind: 'email_template', id: DRAFT_ONLY, path: ['templateId'], nodeIndex: 2, nodeId: 'email2' },
    ]);
  });

  it('skips nodes of unknown types and nodes whose config is invalid', () => {
    const flow = flowSending('not-a-uuid');
    flow.nodes.push({ id: 'x', type: 'send_pigeon', config: { templateId: PUBLISHED }, position: { x: 0, y: 0 } });

    expect(flowReferences(flow)).toEqual([]);
  });
});

describe('referenceIssues', () => {
  it('accepts references to published things', () => {
    expect(referenceIssues(flowSending(PUBLISHED, PUBLISHED), known)).toEqual([]);
  });

  it('refuses a template that was never published, pointing at the field and naming the step', () => {
    expect(referenceIssues(flowSending(PUBLISHED, DRAFT_ONLY), known)).toEqual([
      {
        path: ['nodes', 2, 'config', 'templateId'],
        message: 'Step "email2" sends an email template that was never published. Publish the template first.',
      },
    ]);
  });

  it("refuses a template the merchant does not own (unknown, or another merchant's)", () => {
    expect(referenceIssues(flowSending(UNKNOWN), known)).toEqual([
      {
        path: ['nodes', 1, 'config', 'templateId'],
        message: 'Step "email1" sends an email template that does not exist. Choose another template.',
      },
    ]);
  });

  it('reports every reference that cannot be used, not only the first', () => {
    const issues = referenceIssues(flowSending(UNKNOWN, PUBLISHED, DRAFT_ONLY), known);

    expect(issues.map((issue) => issue.path[1])).toEqual([1, 3]);
  });

  it("words the problem in the marketer's language", () => {
    expect(referenceIssues(flowSending(DRAFT_ONLY), known, 'it')).toEqual([
      {
        path: ['nodes', 1, 'config', 'templateId'],
        message: 'Il passaggio "email1" invia un modello email che non è mai stato pubblicato. Pubblica prima il modello.',
      },
    ]);
  });
});
