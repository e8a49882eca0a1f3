import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { PublishedFlowsCache } from '../../apps/engine/src/modules/flows/published-flows.cache';
import { startTestEngine } from '../support/engine';
import { apiClient, createMerchant, TestMerchant, testDb } from '../support/fixtures';

const MJML = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hi {{ customer.first_name }}, your order is {{ shipment.status_label }}.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function flowDefinition(templateId: string, statuses: string[] = ['delivered']) {
  return {
    nodes: [
      { id: 'trigger', type: 'status_changed', config: { statuses }, position: { x: 0, y: 0 } },
      { id: 'email', type: 'send_email', config: { templateId }, position: { x: 0, y: 120 } },
    ],
    edges: [{ from: 'trigger', fromPort: 'next', to: 'email' }],
  };
}

describe('email templates and flows', () => {
  let engine: RunningEngine;
  let merchant: TestMerchant;
  let other: TestMerchant;
  let api: ReturnType<typeof apiClient>;
  let otherApi: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    engine = await startTestEngine();
    [merchant, other] = await Promise.all([createMerchant(), createMerchant()]);
    api = apiClient(engine.url, merchant.apiKey);
    otherApi = apiClient(engine.url, other.apiKey);
  });

  afterAll(async () => {
    await engine.close();
  });

  async function createTemplate(client = api, body: Record<string, unknown> = {}) {
    const created = await client('POST', '/api/v1/email-templates', { name: 'Delivered', subject: 'Your order', mjml: MJML, ...body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function publishedTemplate(client = api) {
    const id = await createTemplate(client);
    expect((await client('POST', `/api/v1/email-templates/${id}/publish`)).status).toBe(201);
    return id;
  }

  async function publicationRevision(merchantId: string): Promise<string> {
    return (await testDb().query(`SELECT publication_revision FROM merchants WHERE id = $1`, [merchantId])).rows[0].publication_revision;
  }

  /** The template version flows published now pin (and so send). */
  async function pinnedByNewFlows(templateId: string): Promise<string | null> {
    const { rows } = await testDb().query(`SELECT published_version_id AS id FROM email_templates WHERE id = $1`, [templateId]);
    return rows[0]?.id ?? null;
  }

  /** The versions of a flow that trigger now, as this engine's cache answers at the merchant's current revision. */
  async function triggering(flowId: string) {
    const revision = await publicationRevision(merchant.merchantId);
    const published = await engine.app.get(PublishedFlowsCache).forMerchants(new Map([[merchant.merchantId, revision]]));
    return (published.get(merchant.merchantId) ?? [])
      .filter((flow) => flow.flowId === flowId)
      .map((flow) => ({ versionId: flow.version.id, definition: flow.version.definition }));
  }

  async function createFlow(definition: unknown) {
    const created = await api('POST', '/api/v1/flows', { name: 'Delivered email', definition });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  describe('email templates', () => {
    it('starts a template from the default one when only a name is given', async () => {
      const created = await api('POST', '/api/v1/email-templates', { name: '  Shipped  ' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Shipped', publishedVersion: null, versions: [] });
      expect(created.body.subject).toContain('{{ merchant.name }}');
      expect(created.body.mjml).toContain('<mjml');

      const list = await api('GET', '/api/v1/email-templates');
      expect(list.body).toContainEqual(expect.objectContaining({ id: created.body.id, publishedVersion: null }));
    });

    it('refuses names, subjects and MJML over their limits with 400 naming the field', async () => {
      const tooLong = [
        [{ name: 'n'.repeat(201) }, 'name'],
        [{ name: 'ok', subject: 's'.repeat(501) }, 'subject'],
        [{ name: 'ok', mjml: 'm'.repeat(500 * 1024 + 1) }, 'mjml'],
      ] as const;
      for (const [body, field] of tooLong) {
        const response = await api('POST', '/api/v1/email-templates', body);
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual([expect.objectContaining({ field })]);
      }
      const id = await createTemplate();
      const edit = await api('PUT', `/api/v1/email-templates/${id}`, { subject: 's'.repeat(501) });
      expect(edit.status).toBe(400);
      expect(edit.body.details).toEqual([expect.objectContaining({ field: 'subject' })]);
    });

    it('publishes HTML compiled once, and edits of the draft never change a published version', async () => {
      const id = await createTemplate();
      const published = await api('POST', `/api/v1/email-templates/${id}/publish`);
      expect(published.status).toBe(201);
      expect(published.body).toEqual({
        id: expect.any(String),
        templateId: id,
        version: 1,
        publishedAt: expect.any(String),
        draftRevision: 1,
        outdatedFlows: [],
      });

      const stored = await testDb().query(`SELECT subject, html FROM email_template_versions WHERE id = $1`, [published.body.id]);
      expect(stored.rows[0].subject).toBe('Your order');
      expect(stored.rows[0].html).toMatch(/^<!doctype html>/i);
      expect(stored.rows[0].html).toContain('Hi {{ customer.first_name }}');
      expect(stored.rows[0].html).not.toContain('<mj-text');

      const edited = await api('PUT', `/api/v1/email-templates/${id}`, { subject: 'Edited', mjml: MJML.replace('Hi', 'Hello') });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ subject: 'Edited', publishedVersion: 1 });
      expect(await pinnedByNewFlows(id)).toBe(published.body.id);

      const second = await api('POST', `/api/v1/email-templates/${id}/publish`);
      expect(second.body.version).toBe(2);
      const detail = await api('GET', `/api/v1/email-templates/${id}`);
      expect(detail.body.publishedVersion).toBe(2);
      expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(await pinnedByNewFlows(id)).toBe(second.body.id);
    });

    it('numbers concurrent publishes of one template 1..n without gaps or failures', async () => {
      const id = await createTemplate();
      const results = await Promise.all(Array.from({ length: 6 }, () => api('POST', `/api/v1/email-templates/${id}/publish`)));
      expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
      expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('refuses to publish a template with errors, pointing at field and line, and publishes nothing', async () => {
      const id = await createTemplate(api, { subject: '', mjml: MJML.replace('<mj-text>', '<mj-txt>').replace('</mj-text>', '</mj-txt>') });
      const refused = await api('POST', `/api/v1/email-templates/${id}/publish`);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe('template_invalid');
      expect(refused.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'subject', line: null }),
          expect.objectContaining({ field: 'mjml', line: 5 }),
        ]),
      );
      const versions = await testDb().query(`SELECT 1 FROM email_template_versions WHERE template_id = $1`, [id]);
      expect(versions.rowCount).toBe(0);
    });

    it("previews with sample data and the merchant's name, changing nothing", async () => {
      const id = await createTemplate(api, { subject: '{{ merchant.name }}: {{ shipment.status_label }}' });
      const before = await api('GET', `/api/v1/email-templates/${id}`);

      const preview = await api('POST', `/api/v1/email-templates/${id}/preview`);
      expect(preview.status).toBe(200);
      expect(preview.body.subject).toBe(`Shop ${merchant.slug}: In transit`);
      expect(preview.body.html).toContain('Hi Giulia, your order is In transit.');

      const unsaved = await api('POST', `/api/v1/email-templates/${id}/preview`, { mjml: MJML.replace('Hi', 'Ciao') });
      expect(unsaved.body.html).toContain('Ciao Giulia');
      expect((await api('GET', `/api/v1/email-templates/${id}`)).body).toEqual(before.body);
    });

    it("answers 404 for other merchants' templates and for ids that are not ids", async () => {
      const id = await createTemplate();
      for (const [method, path] of [
        ['GET', `/api/v1/email-templates/${id}`],
        ['PUT', `/api/v1/email-templates/${id}`],
        ['POST', `/api/v1/email-templates/${id}/publish`],
        ['POST', `/api/v1/email-templates/${id}/preview`],
      ] as const) {
        expect((await otherApi(method, path, method === 'PUT' ? { name: 'Taken over' } : undefined)).status).toBe(404);
      }
      expect((await api('GET', '/api/v1/email-templates/not-a-uuid')).status).toBe(404);
      expect((await otherApi('GET', '/api/v1/email-templates')).body).not.toContainEqual(expect.objectContaining({ id }));
      expect((await api('GET', `/api/v1/email-templates/${id}`)).body.name).toBe('Delivered');
    });
  });

  describe('flows', () => {
    it('creates a flow from a structurally valid draft, even one not ready to run', async () => {
      const created = await api('POST', '/api/v1/flows', { name: 'Draft', definition: flowDefinition('') });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Draft', draft: flowDefinition(''), publishedVersion: null });
      expect(created.body).toHaveProperty('createdAt');
      expect(created.body).toHaveProperty('updatedAt');
    });

    it('refuses a draft without structure with 400 naming the field', async () => {
      const definition = flowDefinition(UNKNOWN_ID);
      const { position: _position, ...nodeWithoutPosition } = definition.nodes[0];
      const response = await api('POST', '/api/v1/flows', {
        name: 'Broken',
        definition: { ...definition, nodes: [nodeWithoutPosition, definition.nodes[1]] },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'definition.nodes.0.position' })]);
    });

    it('refuses to publish a draft that cannot run with 422 flow_invalid naming the field', async () => {
      const flowId = await createFlow(flowDefinition(await publishedTemplate(), []));
      const refused = await api('POST', `/api/v1/flows/${flowId}/publish`);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe('flow_invalid');
      expect(refused.body.details).toEqual([
        expect.objectContaining({ field: 'definition.nodes.0.config.statuses', nodeId: 'trigger' }),
      ]);
    });

    it("refuses to publish a flow sending another merchant's template or a never published one", async () => {
      const foreign = await publishedTemplate(otherApi);
      const unpublished = await createTemplate();
      for (const templateId of [foreign, unpublished, UNKNOWN_ID]) {
        const flowId = await createFlow(flowDefinition(templateId));
        const refused = await api('POST', `/api/v1/flows/${flowId}/publish`);
        expect(refused.status).toBe(422);
        expect(refused.body).toMatchObject({
          error: 'flow_invalid',
          details: [{ field: 'definition.nodes.1.config.templateId', nodeId: 'email' }],
        });
        expect(refused.body.details[0].message).toContain('"email"');
      }
    });

    it('publishes immutable versions; the flow triggers on the latest until unpublished', async () => {
      const templateId = await publishedTemplate();
      const flowId = await createFlow(flowDefinition(templateId, ['delivered']));

      const first = await api('POST', `/api/v1/flows/${flowId}/publish`);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        flowId,
        version: 1,
        publishedAt: expect.any(String),
        draftRevision: 1,
        pins: [expect.objectContaining({ nodeId: 'email', kind: 'email_template', id: templateId, version: 1 })],
      });

      const edited = await api('PUT', `/api/v1/flows/${flowId}`, { definition: flowDefinition(templateId, ['out_for_delivery']) });
      expect(edited.status).toBe(200);
      expect(edited.body.publishedVersion).toMatchObject({ id: first.body.id, version: 1 });
      expect(await triggering(flowId)).toEqual([{ versionId: first.body.id, definition: flowDefinition(templateId, ['delivered']) }]);

      const second = await api('POST', `/api/v1/flows/${flowId}/publish`);
      expect(second.body.version).toBe(2);
      const detail = await api('GET', `/api/v1/flows/${flowId}`);
      expect(detail.body.publishedVersion).toMatchObject({ id: second.body.id, version: 2 });
      expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const firstVersion = await testDb().query(`SELECT definition FROM flow_versions WHERE id = $1`, [first.body.id]);
      expect(firstVersion.rows[0].definition).toEqual(flowDefinition(templateId, ['delivered']));
      expect(await triggering(flowId)).toEqual([
        { versionId: second.body.id, definition: flowDefinition(templateId, ['out_for_delivery']) },
      ]);

      const unpublished = await api('POST', `/api/v1/flows/${flowId}/unpublish`);
      expect(unpublished.status).toBe(200);
      expect(unpublished.body.publishedVersion).toBeNull();
      expect(unpublished.body.versions).toHaveLength(2);
      expect(await triggering(flowId)).toEqual([]);
      const list = await api('GET', '/api/v1/flows');
      expect(list.body).toContainEqual(expect.objectContaining({ id: flowId, publishedVersion: null }));
    });

    it('numbers concurrent publishes of one flow 1..n and leaves the last one triggering', async () => {
      const flowId = await createFlow(flowDefinition(await publishedTemplate()));
      const results = await Promise.all(Array.from({ length: 5 }, () => api('POST', `/api/v1/flows/${flowId}/publish`)));
      expect(results.map((r) => r.status)).toEqual(Array(5).fill(201));
      expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
      expect((await api('GET', `/api/v1/flows/${flowId}`)).body.publishedVersion.version).toBe(5);
    });

    it("answers 404 for other merchants' flows and keeps them out of their lists", async () => {
      const flowId = await createFlow(flowDefinition(await publishedTemplate()));
      for (const [method, path] of [
        ['GET', `/api/v1/flows/${flowId}`],
        ['PUT', `/api/v1/flows/${flowId}`],
        ['POST', `/api/v1/flows/${flowId}/publish`],
        ['POST', `/api/v1/flows/${flowId}/unpublish`],
      ] as const) {
        expect((await otherApi(method, path, method === 'PUT' ? { name: 'Taken over' } : undefined)).status).toBe(404);
      }
      expect((await api('GET', '/api/v1/flows/not-a-uuid')).status).toBe(404);
      expect((await otherApi('GET', '/api/v1/flows')).body).not.toContainEqual(expect.objectContaining({ id: flowId }));
      const mine = await api('GET', `/api/v1/flows/${flowId}`);
      expect(mine.body).toMatchObject({ name: 'Delivered email', publishedVersion: null });
    });
  });
});
