import type { FlowDocument } from '@postino/flow-model';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../common/http/api-error';
import type { EmailTemplatesService } from '../email-templates/email-templates.service';
import type { FlowRepository, PublishedFlowVersion } from './flow.repository';
import { FlowsService } from './flows.service';

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

/** A repository holding one flow whose draft is `stored`; publish runs the check as the real one does. */
function serviceWith(stored: unknown, templateStates: Map<string, boolean>) {
  const inserted: FlowDocument[] = [];
  const flows = {
    publish: vi.fn(async (merchantId: string, flowId: string, check: (d: unknown) => Promise<FlowDocument>) => {
      if (merchantId !== MERCHANT || flowId !== FLOW) return null;
      inserted.push(await check(stored));
      return { id: 'version-1', flowId, version: 1, publishedAt: new Date() } satisfies PublishedFlowVersion;
    }),
  };
  const emailTemplates = { publicationStates: vi.fn(async () => templateStates) };
  const service = new FlowsService(flows as unknown as FlowRepository, emailTemplates as unknown as EmailTemplatesService);
  return { service, inserted, emailTemplates };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('FlowsService.publish', () => {
  it('publishes the validated draft when every template it sends is published', async () => {
    const { service, inserted, emailTemplates } = serviceWith(draft(['delivered'], TEMPLATE), new Map([[TEMPLATE, true]]));

    await expect(service.publish(MERCHANT, FLOW)).resolves.toMatchObject({ flowId: FLOW, version: 1 });
    expect(inserted).toEqual([draft(['delivered'], TEMPLATE)]);
    expect(emailTemplates.publicationStates).toHaveBeenCalledWith(MERCHANT, [TEMPLATE]);
  });

  it('refuses a draft that cannot run with 422 flow_invalid naming the field', async () => {
    const { service, inserted } = serviceWith(draft([], TEMPLATE), new Map([[TEMPLATE, true]]));

    const error = await rejection(service.publish(MERCHANT, FLOW));
    expect(error.getStatus()).toBe(422);
    expect(error.getResponse()).toMatchObject({
      error: 'flow_invalid',
      details: [{ field: 'definition.nodes.0.config.statuses', nodeId: 'trigger' }],
    });
    expect(inserted).toEqual([]);
  });

  it('refuses a draft sending a template this merchant cannot send', async () => {
    const { service, inserted } = serviceWith(draft(['delivered'], TEMPLATE), new Map());

    const error = await rejection(service.publish(MERCHANT, FLOW));
    expect(error.getResponse()).toMatchObject({
      error: 'flow_invalid',
      details: [{ field: 'definition.nodes.1.config.templateId', nodeId: 'email' }],
    });
    expect(inserted).toEqual([]);
  });

  it("answers 404 for a flow that is not this merchant's", async () => {
    const { service } = serviceWith(draft(['delivered'], TEMPLATE), new Map([[TEMPLATE, true]]));

    const error = await rejection(service.publish('dddddddd-dddd-4ddd-8ddd-dddddddddddd', FLOW));
    expect(error.getStatus()).toBe(404);
  });
});
