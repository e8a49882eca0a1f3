import type { FlowDocument } from '@postino/flow-model';
import { describe, expect, it } from 'vitest';
import { sendEmailSteps, sendEmailTemplateIssues } from './send-email-template-issues';

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

const states = new Map([
  [PUBLISHED, true],
  [DRAFT_ONLY, false],
]);

describe('sendEmailSteps', () => {
  it('lists the template of each send_email step with its index, and nothing for other steps', () => {
    expect(sendEmailSteps(flowSending(PUBLISHED, DRAFT_ONLY))).toEqual([
      { index: 1, nodeId: 'email1', templateId: PUBLISHED },
      { index: 2, nodeId: 'email2', templateId: DRAFT_ONLY },
    ]);
  });
});

describe('sendEmailTemplateIssues', () => {
  it('accepts steps whose template has a published version', () => {
    expect(sendEmailTemplateIssues(flowSending(PUBLISHED, PUBLISHED), states)).toEqual([]);
  });

  it('refuses a template that was never published, naming the step', () => {
    const [issue, ...rest] = sendEmailTemplateIssues(flowSending(PUBLISHED, DRAFT_ONLY), states);
    expect(rest).toEqual([]);
    expect(issue.path).toEqual(['nodes', 2, 'config', 'templateId']);
    expect(issue.message).toContain('"email2"');
    expect(issue.message).toMatch(/never published/);
  });

  it("refuses a template the merchant does not own (unknown, or another merchant's)", () => {
    const issues = sendEmailTemplateIssues(flowSending(UNKNOWN), states);
    expect(issues).toEqual([{ path: ['nodes', 1, 'config', 'templateId'], message: expect.stringMatching(/does not exist/) }]);
  });

  it('reports every step that cannot send, not only the first', () => {
    const issues = sendEmailTemplateIssues(flowSending(UNKNOWN, PUBLISHED, DRAFT_ONLY), states);
    expect(issues.map((issue) => issue.path[1])).toEqual([1, 3]);
  });
});
