import { beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import { PublishedFlowsCache } from '../../apps/engine/src/modules/flows/published-flows.cache';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

const HOUR = 3_600_000;
const MJML = (text: string) =>
  `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;

const flowDefinition = (templateId: string, statuses: string[] = ['delivered']) => ({
  nodes: [
    { id: 'trigger', type: 'status_changed', config: { statuses }, position: { x: 0, y: 0 } },
    { id: 'email', type: 'send_email', config: { templateId }, position: { x: 0, y: 120 } },
  ],
  edges: [{ from: 'trigger', fromPort: 'next', to: 'email' }],
});

/**
 * Each scenario that runs flows triggers on statuses of its own, so the flows other scenarios publish stay silent.
 *
 * Versions and lifecycle (issue 8): revisioned drafts, numbered immutable versions that pin their templates'
 * versions, restore, pause / resume / archive, and the one call that moves flows to a template's new version.
 */
describe('versions and lifecycle', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  const recipient = (name: string) => `${name}-${context.merchant.slug}@example.com`;
  let templateId: string;

  beforeAll(async () => {
    const template = await api('POST', '/api/v1/email-templates', { name: 'Delivered', subject: 'Delivered', mjml: MJML('Here') });
    templateId = template.body.id;
    expect((await api('POST', `/api/v1/email-templates/${templateId}/publish`)).status).toBe(201);
  });

  async function createFlow(definition: unknown = flowDefinition(templateId)): Promise<string> {
    const created = await api('POST', '/api/v1/flows', { name: 'Lifecycle', definition });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function scan(trackingNumber: string, code: string) {
    const at = context.engine.app.get(Clock).now();
    const answer = await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber, code, occurredAt: at.toISOString() }],
    });
    expect(answer.status).toBe(202);
  }

  async function shipTo(trackingNumber: string, address: string): Promise<string> {
    const shipment = await api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', customer: { email: address } });
    expect(shipment.status).toBe(201);
    return shipment.body.id;
  }

  async function messagesTo(address: string) {
    const { rows } = await testDb().query(
      `SELECT m.state, m.template_version_id AS "templateVersionId", m.available_at = 'infinity' AS held,
              (SELECT array_agg(h.state ORDER BY h.id) FROM message_state_changes h WHERE h.message_id = m.id) AS history
         FROM messages m WHERE m.recipient = $1 ORDER BY m.created_at`,
      [address],
    );
    return rows;
  }

  async function stepsOf(shipmentId: string) {
    const { rows } = await testDb().query(
      `SELECT st.node_id AS "nodeId", st.state, st.attempts, st.available_at = 'infinity' AS held, r.flow_version_id AS "flowVersionId"
         FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id WHERE r.shipment_id = $1 ORDER BY st.created_at`,
      [shipmentId],
    );
    return rows;
  }

  async function publicationRevision(): Promise<number> {
    const { rows } = await testDb().query(`SELECT publication_revision FROM merchants WHERE id = $1`, [context.merchant.merchantId]);
    return Number(rows[0].publication_revision);
  }

  describe('drafts', () => {
    it('saves a draft edited from its revision, and refuses a stale save with 409 carrying the current revision and draft', async () => {
      const flowId = await createFlow();
      const mine = flowDefinition(templateId, ['in_transit']);
      const saved = await api('PUT', `/api/v1/flows/${flowId}/draft`, { revision: 1, definition: mine });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ revision: 2, draft: mine, status: 'draft' });

      // A second tab still editing revision 1.
      const theirs = flowDefinition(templateId, ['exception']);
      const stale = await api('PUT', `/api/v1/flows/${flowId}/draft`, { revision: 1, definition: theirs });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toBe('draft_conflict');
      expect(stale.body.details).toEqual([
        expect.objectContaining({ field: 'revision', currentRevision: 2, current: expect.objectContaining({ revision: 2, draft: mine }) }),
      ]);
      expect((await api('GET', `/api/v1/flows/${flowId}`)).body).toMatchObject({ revision: 2, draft: mine });

      // "Keep mine": saving again from the current revision wins, explicitly.
      const kept = await api('PUT', `/api/v1/flows/${flowId}/draft`, { revision: 2, definition: theirs });
      expect(kept.body).toMatchObject({ revision: 3, draft: theirs });
    });

    it('lets exactly one of two saves from the same revision win', async () => {
      const flowId = await createFlow();
      const saves = await Promise.all(
        ['in_transit', 'exception'].map((status) =>
          api('PUT', `/api/v1/flows/${flowId}/draft`, { revision: 1, definition: flowDefinition(templateId, [status]) }),
        ),
      );
      expect(saves.map((s) => s.status).sort()).toEqual([200, 409]);
      const winner = saves.find((s) => s.status === 200)!.body.draft;
      expect((await api('GET', `/api/v1/flows/${flowId}`)).body).toMatchObject({ revision: 2, draft: winner });
    });

    it('keeps the old PUT working: unconditional without a revision, checked with one, and a rename is not an edit', async () => {
      const flowId = await createFlow();
      const renamed = await api('PUT', `/api/v1/flows/${flowId}`, { name: 'Renamed' });
      expect(renamed.body).toMatchObject({ name: 'Renamed', revision: 1 });
      const unconditional = await api('PUT', `/api/v1/flows/${flowId}`, { definition: flowDefinition(templateId, ['in_transit']) });
      expect(unconditional.body.revision).toBe(2);
      const stale = await api('PUT', `/api/v1/flows/${flowId}`, { definition: flowDefinition(templateId), revision: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.details[0]).toMatchObject({ field: 'revision', currentRevision: 2 });
    });

    it('gives templates the same revisions and conflicts', async () => {
      const created = await api('POST', '/api/v1/email-templates', { name: 'Revisions', subject: 'One', mjml: MJML('One') });
      const id = created.body.id;
      expect(created.body).toMatchObject({ revision: 1, status: 'draft' });
      const saved = await api('PUT', `/api/v1/email-templates/${id}/draft`, { revision: 1, subject: 'Two', mjml: MJML('Two') });
      expect(saved.body).toMatchObject({ revision: 2, subject: 'Two' });
      const stale = await api('PUT', `/api/v1/email-templates/${id}/draft`, { revision: 1, subject: 'Three', mjml: MJML('Three') });
      expect(stale.status).toBe(409);
      expect(stale.body.details[0]).toMatchObject({ field: 'revision', currentRevision: 2, current: { subject: 'Two' } });
      expect((await api('GET', `/api/v1/email-templates/${id}`)).body.subject).toBe('Two');
    });
  });

  describe('versions', () => {
    it('publishes the revision it is told to, numbers versions, lists them and restores one as the draft', async () => {
      const flowId = await createFlow(flowDefinition(templateId, ['delivered']));
      const stalePublish = await api('POST', `/api/v1/flows/${flowId}/publish`, { revision: 7 });
      expect(stalePublish.status).toBe(409);
      expect(stalePublish.body.details[0]).toMatchObject({ field: 'revision', currentRevision: 1 });

      expect((await api('POST', `/api/v1/flows/${flowId}/publish`, { revision: 1 })).body).toMatchObject({ version: 1, draftRevision: 1 });
      await api('PUT', `/api/v1/flows/${flowId}/draft`, { revision: 1, definition: flowDefinition(templateId, ['returned']) });
      expect((await api('POST', `/api/v1/flows/${flowId}/publish`)).body).toMatchObject({ version: 2, draftRevision: 2 });

      const versions = await api('GET', `/api/v1/flows/${flowId}/versions`);
      expect(versions.body.map((v: { version: number; draftRevision: number }) => [v.version, v.draftRevision])).toEqual([
        [2, 2],
        [1, 1],
      ]);
      const first = await api('GET', `/api/v1/flows/${flowId}/versions/1`);
      expect(first.body).toMatchObject({ flowId, version: 1, definition: flowDefinition(templateId, ['delivered']) });
      expect(first.body.pins).toEqual([expect.objectContaining({ nodeId: 'email', id: templateId, version: 1 })]);

      const restored = await api('POST', `/api/v1/flows/${flowId}/versions/1/restore`, { revision: 2 });
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ revision: 3, draft: flowDefinition(templateId, ['delivered']) });
      // Restoring edits the draft only: version 2 still runs.
      expect(restored.body.publishedVersion).toMatchObject({ version: 2 });
      const staleRestore = await api('POST', `/api/v1/flows/${flowId}/versions/2/restore`, { revision: 2 });
      expect(staleRestore.status).toBe(409);
      expect((await api('POST', `/api/v1/flows/${flowId}/versions/9/restore`)).status).toBe(404);
      expect((await api('GET', `/api/v1/flows/${flowId}/versions/9`)).body).toMatchObject({ error: 'not_found', message: 'Flow version not found' });
    });

    it('restores a template version as its draft, sending nothing new until published', async () => {
      const created = await api('POST', '/api/v1/email-templates', { name: 'Restore', subject: 'First', mjml: MJML('First') });
      const id = created.body.id;
      await api('POST', `/api/v1/email-templates/${id}/publish`);
      await api('PUT', `/api/v1/email-templates/${id}/draft`, { revision: 1, subject: 'Second', mjml: MJML('Second') });
      await api('POST', `/api/v1/email-templates/${id}/publish`);
      const version = await api('GET', `/api/v1/email-templates/${id}/versions/1`);
      expect(version.body).toMatchObject({ templateId: id, version: 1, subject: 'First' });
      expect(version.body.html).toContain('First');
      const restored = await api('POST', `/api/v1/email-templates/${id}/versions/1/restore`);
      expect(restored.body).toMatchObject({ revision: 3, subject: 'First', publishedVersion: 2 });
      expect((await api('GET', `/api/v1/email-templates/${id}/versions`)).body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    });
  });

  describe('pinned template versions', () => {
    it('keeps a flow sending the template version it pinned until it is republished through the one call', async () => {
      const template = await api('POST', '/api/v1/email-templates', { name: 'Pinned', subject: 'Version one', mjml: MJML('One') });
      const pinnedTemplate = template.body.id;
      const v1 = await api('POST', `/api/v1/email-templates/${pinnedTemplate}/publish`);
      const flow = await api('POST', '/api/v1/flows', {
        name: 'Pinned flow',
        definition: {
          nodes: [
            { id: 'trigger', type: 'status_changed', config: { statuses: ['info_received'] }, position: { x: 0, y: 0 } },
            { id: 'wait', type: 'wait', config: { duration: { amount: 1, unit: 'hours' } }, position: { x: 0, y: 100 } },
            { id: 'email', type: 'send_email', config: { templateId: pinnedTemplate }, position: { x: 0, y: 200 } },
          ],
          edges: [
            { from: 'trigger', fromPort: 'next', to: 'wait' },
            { from: 'wait', fromPort: 'next', to: 'email' },
          ],
        },
      });
      const flowId = flow.body.id;
      await api('POST', `/api/v1/flows/${flowId}/publish`);

      // A run that started on version 1 of the flow, then the template gets a version 2.
      const early = recipient('pin-early');
      const earlyShipment = await shipTo('PIN-EARLY', early);
      await scan('PIN-EARLY', 'OC');
      await waitFor(async () => (await stepsOf(earlyShipment)).some((s) => s.state === 'waiting'), 10_000, 'the early run waiting');
      await api('PUT', `/api/v1/email-templates/${pinnedTemplate}/draft`, { revision: 1, subject: 'Version two', mjml: MJML('Two') });
      const v2 = await api('POST', `/api/v1/email-templates/${pinnedTemplate}/publish`);
      expect(v2.body.outdatedFlows).toEqual([
        { flowId, name: 'Pinned flow', status: 'published', flowVersion: 1, pinnedVersion: 1, outdated: true },
      ]);

      // Runs starting now still start on flow version 1, which pins template version 1.
      const middle = recipient('pin-middle');
      const middleShipment = await shipTo('PIN-MIDDLE', middle);
      await scan('PIN-MIDDLE', 'OC');
      await waitFor(async () => (await stepsOf(middleShipment)).some((s) => s.state === 'waiting'), 10_000, 'the middle run waiting');

      const before = await publicationRevision();
      const republished = await api('POST', `/api/v1/email-templates/${pinnedTemplate}/republish-flows`);
      expect(republished.status).toBe(200);
      expect(republished.body).toEqual({ republished: [{ flowId, name: 'Pinned flow', version: 2, pinnedVersion: 2 }] });
      expect(await publicationRevision()).toBe(before + 1);
      expect((await api('GET', `/api/v1/email-templates/${pinnedTemplate}/flows`)).body).toEqual([
        { flowId, name: 'Pinned flow', status: 'published', flowVersion: 2, pinnedVersion: 2, outdated: false },
      ]);
      const flowVersion2 = await api('GET', `/api/v1/flows/${flowId}/versions/2`);
      expect(flowVersion2.body.definition).toEqual((await api('GET', `/api/v1/flows/${flowId}/versions/1`)).body.definition);
      // Nothing is behind any more: a second call moves nothing and bumps nothing.
      expect((await api('POST', `/api/v1/email-templates/${pinnedTemplate}/republish-flows`)).body).toEqual({ republished: [] });
      expect(await publicationRevision()).toBe(before + 1);

      const late = recipient('pin-late');
      const lateShipment = await shipTo('PIN-LATE', late);
      await scan('PIN-LATE', 'OC');
      await waitFor(async () => (await stepsOf(lateShipment)).some((s) => s.state === 'waiting'), 10_000, 'the late run waiting');

      context.engine.app.get(Clock).advance(HOUR + 1_000);
      const sent = async (address: string) => {
        const rows = await waitFor(async () => ((await messagesTo(address))[0]?.state === 'sent' ? messagesTo(address) : null), 15_000, address);
        return rows[0].templateVersionId;
      };
      // Runs stay on their flow version: those started before the republish send version 1.
      expect(await sent(early)).toBe(v1.body.id);
      expect(await sent(middle)).toBe(v1.body.id);
      expect(await sent(late)).toBe(v2.body.id);
      const { rows } = await testDb().query(
        `SELECT subject FROM captured_emails WHERE $1 = ANY(envelope_to) OR $2 = ANY(envelope_to) ORDER BY received_at`,
        [early, late],
      );
      expect(rows.map((r) => r.subject).sort()).toEqual(['Version one', 'Version two']);
    });

    it('republishes only the flows named, and never another merchant’s', async () => {
      const template = await api('POST', '/api/v1/email-templates', { name: 'Shared', subject: 'S', mjml: MJML('S') });
      const id = template.body.id;
      await api('POST', `/api/v1/email-templates/${id}/publish`);
      const [a, b] = [await createFlow(flowDefinition(id)), await createFlow(flowDefinition(id))];
      await api('POST', `/api/v1/flows/${a}/publish`);
      await api('POST', `/api/v1/flows/${b}/publish`);
      await api('POST', `/api/v1/email-templates/${id}/publish`);
      const only = await api('POST', `/api/v1/email-templates/${id}/republish-flows`, { flowIds: [b] });
      expect(only.body.republished.map((f: { flowId: string }) => f.flowId)).toEqual([b]);
      const listed = await api('GET', `/api/v1/email-templates/${id}/flows`);
      expect(listed.body.map((f: { flowId: string; outdated: boolean }) => [f.flowId, f.outdated]).sort()).toEqual(
        [
          [a, true],
          [b, false],
        ].sort(),
      );

      const other = await createMerchant();
      const otherApi = apiClient(context.engine.url, other.apiKey);
      expect((await otherApi('POST', `/api/v1/email-templates/${id}/republish-flows`)).status).toBe(404);
      expect((await otherApi('GET', `/api/v1/email-templates/${id}/flows`)).status).toBe(404);
      expect((await api('GET', `/api/v1/flows/${a}`)).body.publishedVersion.version).toBe(1);
    });
  });

  describe('pause, resume and archive', () => {
    it('starts no runs while paused, holds the due steps and messages of started ones, and sends them on resume', async () => {
      const clock = context.engine.app.get(Clock);
      // 23:00 UTC (the shop's zone): the send node's own quiet hours defer its message to 08:00.
      clock.advance(new Date('2027-05-10T23:00:00Z').getTime() - clock.now().getTime());
      const { flowId } = await publishEmailFlow(api, {
        statuses: ['in_transit'],
        name: 'Pausable',
        before: [{ type: 'wait', config: { duration: { amount: 1, unit: 'hours' } } }],
      });
      const night = await publishEmailFlow(api, {
        statuses: ['out_for_delivery'],
        name: 'Pausable at night',
        emailConfig: { quietHours: { start: '21:00', end: '08:00' } },
      });

      const waiting = recipient('paused-waiting');
      const waitingShipment = await shipTo('PAUSE-WAITING', waiting);
      await scan('PAUSE-WAITING', 'IT');
      await waitFor(async () => (await stepsOf(waitingShipment)).some((s) => s.state === 'waiting'), 10_000, 'the run waiting');
      const deferred = recipient('paused-deferred');
      await shipTo('PAUSE-DEFERRED', deferred);
      await scan('PAUSE-DEFERRED', 'OD');
      await waitFor(async () => (await messagesTo(deferred))[0]?.history?.includes('deferred'), 10_000, 'the message deferred to 08:00');

      for (const id of [flowId, night.flowId]) {
        const paused = await api('POST', `/api/v1/flows/${id}/pause`);
        expect(paused.status).toBe(200);
        expect(paused.body).toMatchObject({ status: 'paused', pausedAt: expect.any(String), publishedVersion: { version: 1 } });
      }
      expect((await api('POST', `/api/v1/flows/${flowId}/pause`)).body.status).toBe('paused');

      // No new runs: the event is handled and starts nothing.
      const ignored = recipient('paused-ignored');
      const ignoredShipment = await shipTo('PAUSE-IGNORED', ignored);
      await scan('PAUSE-IGNORED', 'IT');
      const handled = async () => {
        const { rows } = await testDb().query(
          `SELECT bool_and(handled_at IS NOT NULL) AND bool_or(type = 'shipment.status_changed') AS done
             FROM domain_events WHERE payload->>'shipmentId' = $1`,
          [ignoredShipment],
        );
        return rows[0].done;
      };
      await waitFor(handled, 10_000, 'the event handled');
      expect(await stepsOf(ignoredShipment)).toEqual([]);

      // Past the wait and the quiet hours: both come due, and both are held.
      clock.advance(9 * HOUR + 1_000);
      await waitFor(async () => (await stepsOf(waitingShipment)).find((s) => s.nodeId === 'step1')?.held, 10_000, 'the wait held');
      await waitFor(async () => (await messagesTo(deferred))[0]?.held, 10_000, 'the message held');
      expect(await messagesTo(waiting)).toEqual([]);
      const heldMessage = (await messagesTo(deferred))[0];
      expect(heldMessage).toMatchObject({ state: 'queued', history: ['queued', 'sending', 'deferred', 'sending', 'held'] });
      // Holding does not use up an attempt.
      expect((await stepsOf(waitingShipment)).find((s) => s.nodeId === 'step1')).toMatchObject({ state: 'waiting', attempts: 1 });

      for (const id of [flowId, night.flowId]) {
        const resumed = await api('POST', `/api/v1/flows/${id}/resume`);
        expect(resumed.body).toMatchObject({ status: 'published', pausedAt: null });
      }
      await waitFor(async () => (await messagesTo(waiting))[0]?.state === 'sent', 15_000, 'the held run to send on resume');
      await waitFor(async () => (await messagesTo(deferred))[0]?.state === 'sent', 15_000, 'the held message to send on resume');
      expect((await messagesTo(deferred))[0].history).toEqual([
        'queued',
        'sending',
        'deferred',
        'sending',
        'held',
        'queued',
        'sending',
        'sent',
      ]);

      // Runs start again.
      const after = recipient('resumed');
      const afterShipment = await shipTo('PAUSE-AFTER', after);
      await scan('PAUSE-AFTER', 'IT');
      await waitFor(async () => (await stepsOf(afterShipment)).length > 0, 10_000, 'a run after resume');
    });

    it('refuses to pause a flow that is not published, naming why', async () => {
      const flowId = await createFlow();
      const refused = await api('POST', `/api/v1/flows/${flowId}/pause`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        error: 'status_conflict',
        details: [{ field: 'status', status: 'draft', message: 'The flow is not published: there is nothing to pause' }],
      });
    });

    it('archives a flow out of the list and out of triggering, refuses edits until unarchived, and brings it back paused', async () => {
      const flowId = await createFlow();
      await api('POST', `/api/v1/flows/${flowId}/publish`);
      const archived = await api('POST', `/api/v1/flows/${flowId}/archive`);
      expect(archived.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
      expect((await api('GET', '/api/v1/flows')).body.map((f: { id: string }) => f.id)).not.toContain(flowId);
      expect((await api('GET', '/api/v1/flows?archived=true')).body).toEqual([expect.objectContaining({ id: flowId, status: 'archived' })]);
      const revision = String(await publicationRevision());
      const live = await context.engine.app.get(PublishedFlowsCache).forMerchants(new Map([[context.merchant.merchantId, revision]]));
      expect(live.get(context.merchant.merchantId)?.map((f) => f.flowId)).not.toContain(flowId);

      for (const [method, path, body] of [
        ['PUT', `/api/v1/flows/${flowId}/draft`, { revision: 1, definition: flowDefinition(templateId) }],
        ['POST', `/api/v1/flows/${flowId}/publish`, {}],
        ['POST', `/api/v1/flows/${flowId}/pause`, {}],
        ['POST', `/api/v1/flows/${flowId}/versions/1/restore`, {}],
      ] as const) {
        const refused = await api(method, path, body);
        expect(refused.status, path).toBe(409);
        expect(refused.body.details[0], path).toMatchObject({ field: 'status', message: 'The flow is archived: unarchive it first' });
      }

      const back = await api('POST', `/api/v1/flows/${flowId}/unarchive`);
      expect(back.body).toMatchObject({ status: 'paused', archivedAt: null, publishedVersion: { version: 1 } });
      expect((await api('POST', `/api/v1/flows/${flowId}/resume`)).body.status).toBe('published');
    });
  });

  describe('bad input', () => {
    it('answers every malformed lifecycle request with a 4xx naming the field or reason, never a 5xx', async () => {
      const flowId = await createFlow();
      const cases: [string, string, unknown, number, string | undefined][] = [
        ['PUT', `/api/v1/flows/${flowId}/draft`, { definition: flowDefinition(templateId) }, 400, 'revision'],
        ['PUT', `/api/v1/flows/${flowId}/draft`, { revision: '1', definition: flowDefinition(templateId) }, 400, 'revision'],
        ['PUT', `/api/v1/flows/${flowId}/draft`, { revision: 0, definition: flowDefinition(templateId) }, 400, 'revision'],
        ['PUT', `/api/v1/flows/${flowId}/draft`, { revision: 1.5, definition: flowDefinition(templateId) }, 400, 'revision'],
        ['PUT', `/api/v1/flows/${flowId}/draft`, { revision: 1 }, 400, 'definition'],
        ['PUT', `/api/v1/flows/${flowId}/draft`, '{"revision": 1, "definition": ', 400, undefined],
        ['POST', `/api/v1/flows/${flowId}/publish`, { revision: -1 }, 400, 'revision'],
        ['POST', `/api/v1/flows/${flowId}/versions/1/restore`, { revision: 'x' }, 400, 'revision'],
        ['GET', `/api/v1/flows?archived=maybe`, undefined, 400, 'archived'],
        ['GET', `/api/v1/flows/${flowId}/versions/0`, undefined, 404, undefined],
        ['GET', `/api/v1/flows/${flowId}/versions/abc`, undefined, 404, undefined],
        ['GET', `/api/v1/flows/${flowId}/versions/99999999999999999999`, undefined, 404, undefined],
        ['POST', `/api/v1/flows/not-a-uuid/pause`, undefined, 404, undefined],
        ['PUT', `/api/v1/email-templates/${templateId}/draft`, { revision: 1, subject: 'x' }, 400, 'mjml'],
        ['POST', `/api/v1/email-templates/${templateId}/republish-flows`, { flowIds: ['x'] }, 400, 'flowIds.0'],
        ['POST', `/api/v1/email-templates/${templateId}/republish-flows`, { flowIds: [] }, 400, 'flowIds'],
      ];
      for (const [method, path, body, status, field] of cases) {
        const response = await api(method, path, body);
        expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
        expect(response.body.message, path).toEqual(expect.any(String));
        if (field) expect(response.body.details, path).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
    });

    it('documents the lifecycle endpoints in the OpenAPI document', async () => {
      const doc = await (await fetch(`${context.engine.url}/api/docs-json`)).json();
      const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(operations).toEqual(
        expect.arrayContaining([
          'PUT /api/v1/flows/{id}/draft',
          'POST /api/v1/flows/{id}/pause',
          'POST /api/v1/flows/{id}/resume',
          'POST /api/v1/flows/{id}/archive',
          'POST /api/v1/flows/{id}/unarchive',
          'GET /api/v1/flows/{id}/versions',
          'GET /api/v1/flows/{id}/versions/{version}',
          'POST /api/v1/flows/{id}/versions/{version}/restore',
          'PUT /api/v1/email-templates/{id}/draft',
          'GET /api/v1/email-templates/{id}/flows',
          'POST /api/v1/email-templates/{id}/republish-flows',
        ]),
      );
      expect(JSON.stringify(doc.paths['/api/v1/flows/{id}/draft'].put.requestBody)).toContain('schema');
    });
  });
});
