import type { FlowDocument } from '@postino/flow-model';
import { describe, expect, it, vi } from 'vitest';
import type { EmailTemplatesService } from '../email-templates/email-templates.service';
import type { FlowRecord, FlowRepository, PublishedFlowVersion } from './flow.repository';
import { FlowsService } from './flows.service';
import { apiErrorOf } from '../../common/http/api-error.testing';

const MERCHANT = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const FLOW = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const TEMPLATE = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const draft = (statuses: string[], templateId: string): FlowDocument => ({
  nodes: [
    { id: 'trigger', type: 'status_changed', config: { statuses }, position: { x: 0, y: 0 } },
    { id: 'email', type: 'send_email', config: { templateId }, position: { x: 0, y: 100 } },
  ],
  edges: [{ from: 'trigger', fromPort: 'next', to: 'email' }],
});

/** A repository holding one flow of MERCHANT; `editWhilePublishing` lands between the check and the lock. */
function serviceWith(stored: FlowDocument, templateStates: Map<string, boolean>, editWhilePublishing?: FlowDocument) {
  let current = stored;
  let pendingEdit = editWhilePublishing;
  const published: FlowDocument[] = [];
  const flows = {
    find: vi.fn(async (merchantId: string, id: string) =>
      merchantId === MERCHANT && id === FLOW ? ({ id, name: 'Delivered', draft: current } as unknown as FlowRecord) : null,
    ),
    publish: vi.fn(async (_merchantId: string, flowId: string, checked: FlowDocument) => {
      if (pendingEdit) [current, pendingEdit] = [pendingEdit, undefined];
      if (checked !== current) return 'draft_changed' as const;
      published.push(checked);
      return { id: 'version-1', flowId, version: 1, publishedAt: new Date() } satisfies PublishedFlowVersion;
    }),
  };
  const emailTemplates = { publicationStates: vi.fn(async () => templateStates) };
  const service = new FlowsService(flows as unknown as FlowRepository, emailTemplates as unknown as EmailTemplatesService);
  return { service, published, emailTemplates };
}

describe('FlowsService.publish', () => {
  it('publishes the draft when it can run and every template it sends is published', async () => {
    const runnable = draft(['delivered'], TEMPLATE);
    const { service, published, emailTemplates } = serviceWith(runnable, new Map([[TEMPLATE, true]]));

    await expect(service.publish(MERCHANT, FLOW)).resolves.toMatchObject({ flowId: FLOW, version: 1 });
    expect(published).toEqual([runnable]);
    expect(emailTemplates.publicationStates).toHaveBeenCalledWith(MERCHANT, [TEMPLATE]);
  });

  it('refuses a draft that cannot run with 422 flow_invalid naming the field and node', async () => {
    const { service, published } = serviceWith(draft([], TEMPLATE), new Map([[TEMPLATE, true]]));

    const error = await apiErrorOf(service.publish(MERCHANT, FLOW));
    expect(error.getStatus()).toBe(422);
    expect(error.getResponse()).toMatchObject({
      error: 'flow_invalid',
      details: [{ field: 'definition.nodes.0.config.statuses', nodeId: 'trigger' }],
    });
    expect(published).toEqual([]);
  });

  it('refuses a draft sending a template this merchant cannot send', async () => {
    const { service, published } = serviceWith(draft(['delivered'], TEMPLATE), new Map());

    const error = await apiErrorOf(service.publish(MERCHANT, FLOW));
    expect(error.getResponse()).toMatchObject({
      error: 'flow_invalid',
      details: [{ field: 'definition.nodes.1.config.templateId', nodeId: 'email' }],
    });
    expect(published).toEqual([]);
  });

  it('names the step sending a template that was never published', async () => {
    const { service } = serviceWith(draft(['delivered'], TEMPLATE), new Map([[TEMPLATE, false]]));

    const error = await apiErrorOf(service.publish(MERCHANT, FLOW));
    expect(error.getResponse()).toMatchObject({
      details: [{ field: 'definition.nodes.1.config.templateId', message: expect.stringMatching(/"email".*never published/) }],
    });
  });

  it('asks about each referenced template once, however many steps send it', async () => {
    const twice = draft(['delivered'], TEMPLATE);
    twice.nodes.push({ id: 'again', type: 'send_email', config: { templateId: TEMPLATE }, position: { x: 0, y: 200 } });
    twice.edges.push({ from: 'email', fromPort: 'next', to: 'again' });
    const { service, emailTemplates } = serviceWith(twice, new Map([[TEMPLATE, true]]));

    await expect(service.publish(MERCHANT, FLOW)).resolves.toMatchObject({ version: 1 });
    expect(emailTemplates.publicationStates).toHaveBeenCalledTimes(1);
    expect(emailTemplates.publicationStates).toHaveBeenCalledWith(MERCHANT, [TEMPLATE]);
  });

  it('checks again a draft edited while it was being published, and publishes only a checked one', async () => {
    const templates = new Map([[TEMPLATE, true]]);
    const broken = serviceWith(draft(['delivered'], TEMPLATE), templates, draft([], TEMPLATE));
    const error = await apiErrorOf(broken.service.publish(MERCHANT, FLOW));
    expect(error.getResponse()).toMatchObject({ error: 'flow_invalid' });
    expect(broken.published).toEqual([]);

    const fixed = draft(['delivered', 'out_for_delivery'], TEMPLATE);
    const edited = serviceWith(draft(['delivered'], TEMPLATE), templates, fixed);
    await expect(edited.service.publish(MERCHANT, FLOW)).resolves.toMatchObject({ version: 1 });
    expect(edited.published).toEqual([fixed]);
  });

  it("answers 404 for a flow that is not this merchant's", async () => {
    const { service } = serviceWith(draft(['delivered'], TEMPLATE), new Map([[TEMPLATE, true]]));

    const error = await apiErrorOf(service.publish('dddddddd-dddd-4ddd-8ddd-dddddddddddd', FLOW));
    expect(error.getStatus()).toBe(404);
  });
});
