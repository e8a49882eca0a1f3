import type { FlowDocument } from '@postino/flow-model';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import { describe, expect, it, vi } from 'vitest';
import { apiErrorOf } from '../../common/http/api-error.testing';
import type { BuiltVersion, LockedDraft } from '../publishing/publishing.repository';
import type { PublishingService } from '../publishing/publishing.service';
import { CurrentVersion, referenceKey } from '../publishing/version-pins';
import type { FlowRepository } from './flow.repository';
import { FlowsService } from './flows.service';
import type { HeldWorkRepository } from './held-work.repository';

const MERCHANT = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const FLOW = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const TEMPLATE = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const OTHER_TEMPLATE = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

const draft = (statuses: string[], templateId: string): FlowDocument => ({
  nodes: [
    { id: 'trigger', type: 'status_changed', config: { statuses }, position: { x: 0, y: 0 } },
    { id: 'email', type: 'send_email', config: { templateId }, position: { x: 0, y: 100 } },
  ],
  edges: [{ from: 'trigger', fromPort: 'next', to: 'email' }],
});

/**
 * A flow holding `stored` as its draft, published through a lifecycle that runs the service's build as the real
 * one does (under the row's lock, with its transaction), with these templates published now.
 */
function serviceWith(stored: FlowDocument, templates: Map<string, CurrentVersion | null>) {
  const built: BuiltVersion[] = [];
  const manager = {} as EntityManager;
  const publishing = {
    publish: vi.fn(async (_kind, merchantId: string, id: string, _revision, build: (d: LockedDraft, m: EntityManager) => Promise<BuiltVersion>) => {
      if (merchantId !== MERCHANT || id !== FLOW) throw new Error('not found');
      const locked: LockedDraft = { revision: 4, publishedVersionId: null, pausedAt: null, archivedAt: null, content: { draft: stored } };
      built.push(await build(locked, manager));
      return { id: 'version-1', version: 1, publishedAt: new Date('2026-12-01T10:00:00Z'), draftRevision: 4, pins: built[0].pins };
    }),
    currentVersions: vi.fn(async (_manager: EntityManager, _merchantId: string, references: { kind: string; id: string }[]) => {
      const found = new Map<string, CurrentVersion | null>();
      for (const { kind, id } of references) if (templates.has(id)) found.set(referenceKey(kind, id), templates.get(id) ?? null);
      return found;
    }),
  };
  const service = new FlowsService(
    {} as FlowRepository,
    publishing as unknown as PublishingService,
    {} as HeldWorkRepository,
    {} as Queue,
    {} as Queue,
  );
  return { service, built, publishing, manager };
}

const TEMPLATE_V3 = { versionId: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', version: 3 };

describe('FlowsService.publish', () => {
  it('freezes a runnable draft, pinning the template version each send node sends now', async () => {
    const runnable = draft(['delivered'], TEMPLATE);
    const { service, built, publishing, manager } = serviceWith(runnable, new Map([[TEMPLATE, TEMPLATE_V3]]));

    const published = await service.publish(MERCHANT, FLOW);
    expect(published).toEqual({
      id: 'version-1',
      flowId: FLOW,
      version: 1,
      publishedAt: '2026-12-01T10:00:00.000Z',
      draftRevision: 4,
      pins: [{ nodeId: 'email', path: ['templateId'], kind: 'email_template', id: TEMPLATE, ...TEMPLATE_V3 }],
    });
    expect(JSON.parse(built[0].content.definition as string)).toEqual(runnable);
    // The references are resolved in the publishing transaction, so what is pinned is what the checks saw.
    expect(publishing.currentVersions).toHaveBeenCalledWith(manager, MERCHANT, [expect.objectContaining({ id: TEMPLATE })]);
  });

  it('refuses a draft that cannot run with 422 flow_invalid naming the field and node', async () => {
    const { service, built } = serviceWith(draft([], TEMPLATE), new Map([[TEMPLATE, TEMPLATE_V3]]));

    const error = await apiErrorOf(service.publish(MERCHANT, FLOW));
    expect(error.getStatus()).toBe(422);
    expect(error.getResponse()).toMatchObject({
      error: 'flow_invalid',
      details: [{ field: 'definition.nodes.0.config.statuses', nodeId: 'trigger' }],
    });
    expect(built).toEqual([]);
  });

  it('refuses a draft sending a template this merchant cannot send', async () => {
    const { service, built } = serviceWith(draft(['delivered'], OTHER_TEMPLATE), new Map([[TEMPLATE, TEMPLATE_V3]]));

    const error = await apiErrorOf(service.publish(MERCHANT, FLOW));
    expect(error.getResponse()).toMatchObject({
      error: 'flow_invalid',
      details: [{ field: 'definition.nodes.1.config.templateId', nodeId: 'email', message: expect.stringContaining('does not exist') }],
    });
    expect(built).toEqual([]);
  });

  it('names the step sending a template that was never published', async () => {
    const { service } = serviceWith(draft(['delivered'], TEMPLATE), new Map([[TEMPLATE, null]]));

    const error = await apiErrorOf(service.publish(MERCHANT, FLOW));
    expect(error.getResponse()).toMatchObject({
      details: [{ field: 'definition.nodes.1.config.templateId', message: expect.stringMatching(/"email".*never published/) }],
    });
  });

  it('pins every send node of one template to the same version, asking about the references in one call', async () => {
    const twice = draft(['delivered'], TEMPLATE);
    twice.nodes.push({ id: 'again', type: 'send_email', config: { templateId: TEMPLATE }, position: { x: 0, y: 200 } });
    twice.edges.push({ from: 'email', fromPort: 'next', to: 'again' });
    const { service, publishing } = serviceWith(twice, new Map([[TEMPLATE, TEMPLATE_V3]]));

    const published = await service.publish(MERCHANT, FLOW);
    expect(published.pins.map((pin) => [pin.nodeId, pin.versionId])).toEqual([
      ['email', TEMPLATE_V3.versionId],
      ['again', TEMPLATE_V3.versionId],
    ]);
    expect(publishing.currentVersions).toHaveBeenCalledTimes(1);
  });
});
