import { METHODS } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { startTestEngine } from '../support/engine';
import {
  apiClient,
  ApiResponse,
  createMerchant,
  logIn,
  sessionClient,
  TestMerchant,
  testDb,
  waitFor,
} from '../support/fixtures';

type Call = ReturnType<typeof apiClient>;
type Credential = 'apiKey' | 'session';

/** How to aim one parameterised route at merchant B's resource. */
interface IsolationCase {
  /** What may call the route at all: owner-only routes refuse API keys with 403 before any lookup. */
  credentials: Credential[];
  params: () => Record<string, string>;
  /** A valid body, so that the answer is about the id and not about the input. */
  body?: unknown;
}

/** Routes whose parameter is not a tenant-owned id, each with the reason. */
const EXEMPT: Record<string, string> = {
  // The customer's tracking page is public by design: its 192-bit token is the credential.
  'GET /t/:token': 'public capability URL',
  // The example file of an import kind: the same for every merchant, nothing tenant-owned.
  'GET /api/v1/imports/templates/:kind.csv': 'a kind, not an id',
  // Shop webhooks carry no principal: the integration's secret signs them (a bad signature is a 401, nothing stored).
  'POST /hooks/:platform/:integrationId': 'signed by the integration’s secret',
};

const FLOW_DEFINITION = (templateId: string, statuses: string[] = ['out_for_delivery']) => ({
  nodes: [
    { id: 't', type: 'status_changed', config: { statuses }, position: { x: 0, y: 0 } },
    { id: 'e', type: 'send_email', config: { templateId }, position: { x: 0, y: 100 } },
  ],
  edges: [{ from: 't', fromPort: 'next', to: 'e' }],
});

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every `METHOD /path` the running engine's Express router serves: Nest controllers and the OpenAPI
 * document register there. (Bull Board is a mounted sub-app for owners, with queue names, not tenant ids.)
 */
function registeredRoutes(engine: RunningEngine): string[] {
  const express = engine.app.getHttpAdapter().getInstance();
  const stack: RouteLayer[] = (express.router ?? express._router).stack;
  return stack.flatMap(({ route }) => {
    if (!route) return [];
    // Nest binds global middleware (the request logger) as a catch-all route on every HTTP method: it serves nothing.
    if (METHODS.every((method) => route.methods[method.toLowerCase()])) return [];
    return Object.keys(route.methods).map((method) => `${method === '_all' ? 'ALL' : method.toUpperCase()} ${route.path}`);
  });
}

const isParameterised = (route: string) => /[:*{]/.test(route);

function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(params[name]);
  });
}

describe('one merchant never reaches another merchant’s data', () => {
  let engine: RunningEngine;
  let a: TestMerchant;
  let b: TestMerchant;
  const as: Record<'a' | 'b', Record<Credential, Call>> = {} as never;
  const ids = {} as {
    shipment: string;
    trackingNumber: string;
    template: string;
    flow: string;
    apiKey: string;
    apiKeySecret: string;
    outboxEntry: string;
    order: string;
    customer: string;
    product: string;
    csvImport: string;
    integration: string;
    alert: string;
    ownerOfB: string;
    flowRun: string;
  };

  const CASES: Record<string, IsolationCase> = {
    'GET /api/v1/shipments/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.shipment }) },
    'GET /api/v1/email-templates/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.template }) },
    // Before the unconditional PUT below: B's draft is still at revision 1 when the last test calls this.
    'PUT /api/v1/email-templates/:id/draft': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.template }),
      body: { revision: 1, subject: 'Taken over', mjml: '<mjml><mj-body></mj-body></mjml>' },
    },
    'GET /api/v1/email-templates/:id/versions': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.template }) },
    'GET /api/v1/email-templates/:id/versions/:version': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.template, version: '1' }),
    },
    'POST /api/v1/email-templates/:id/versions/:version/restore': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.template, version: '1' }),
      body: {},
    },
    'GET /api/v1/email-templates/:id/flows': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.template }) },
    'POST /api/v1/email-templates/:id/republish-flows': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.template }),
      body: {},
    },
    'PUT /api/v1/email-templates/:id': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.template }),
      body: { name: 'Taken over', subject: 'Taken over' },
    },
    'POST /api/v1/email-templates/:id/publish': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.template }),
      body: {},
    },
    'POST /api/v1/email-templates/:id/preview': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.template }),
      body: {},
    },
    'GET /api/v1/flows/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }) },
    'PUT /api/v1/flows/:id': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.flow }),
      body: { name: 'Taken over' },
    },
    'POST /api/v1/flows/:id/publish': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }), body: {} },
    // Before unpublish: B's flow is still published when the last test pauses it.
    'PUT /api/v1/flows/:id/draft': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.flow }),
      body: { revision: 1, definition: { nodes: [], edges: [] } },
    },
    'POST /api/v1/flows/:id/pause': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }), body: {} },
    'POST /api/v1/flows/:id/resume': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }), body: {} },
    'POST /api/v1/flows/:id/archive': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }), body: {} },
    'POST /api/v1/flows/:id/unarchive': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }), body: {} },
    'GET /api/v1/flows/:id/versions': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }) },
    'GET /api/v1/flows/:id/versions/:version': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow, version: '1' }) },
    'GET /api/v1/flows/:id/versions/:version/counters': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.flow, version: '1' }),
    },
    // Before unpublish: the live version's counters need one.
    'GET /api/v1/flows/:id/counters': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }) },
    'GET /api/v1/flow-runs/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flowRun }) },
    'POST /api/v1/flows/:id/versions/:version/restore': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.flow, version: '1' }),
      body: {},
    },
    'POST /api/v1/flows/:id/unpublish': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.flow }), body: {} },
    'POST /api/v1/flows/:id/dry-run': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.flow }),
      // Read when the request is made: B's shipment exists only then.
      get body() {
        return { shipmentId: ids.shipment };
      },
    },
    'DELETE /api/v1/api-keys/:id': { credentials: ['session'], params: () => ({ id: ids.apiKey }) },
    'GET /api/v1/outbox/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.outboxEntry }) },
    'GET /api/v1/orders/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.order }) },
    'GET /api/v1/products/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.product }) },
    'GET /api/v1/imports/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.csvImport }) },
    'GET /api/v1/imports/:id/errors.csv': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.csvImport }) },
    'GET /api/v1/customers/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.customer }) },
    'PATCH /api/v1/customers/:id/consents': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.customer }),
      body: { marketing: { state: 'granted', source: 'takeover' } },
    },
    'GET /api/v1/settings/integrations/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.integration }) },
    'POST /api/v1/settings/integrations/:id/rotate-secret': { credentials: ['session'], params: () => ({ id: ids.integration }), body: {} },
    'DELETE /api/v1/settings/integrations/:id': { credentials: ['session'], params: () => ({ id: ids.integration }) },
    'POST /api/v1/customers/:id/unsubscribe': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.customer }),
      body: { scope: 'all' },
    },
    'GET /api/v1/customers/:id/export': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.customer }) },
    'POST /api/v1/customers/:id/erase': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.customer }), body: {} },
    'GET /api/v1/alerts/:id': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.alert }) },
    'POST /api/v1/alerts/:id/assign': {
      credentials: ['apiKey', 'session'],
      params: () => ({ id: ids.alert }),
      // Read when called: B's owner exists only once beforeAll ran.
      get body() {
        return { userId: ids.ownerOfB };
      },
    },
    'POST /api/v1/alerts/:id/resolve': { credentials: ['apiKey', 'session'], params: () => ({ id: ids.alert }), body: {} },
  };

  beforeAll(async () => {
    engine = await startTestEngine();
    [a, b] = await Promise.all([createMerchant(), createMerchant()]);
    for (const [name, merchant] of [
      ['a', a],
      ['b', b],
    ] as const) {
      as[name] = {
        apiKey: apiClient(engine.url, merchant.apiKey),
        session: sessionClient(engine.url, await logIn(engine.url, merchant.email, merchant.password)),
      };
    }
    const bApi = as.b.apiKey;

    const template = await bApi('POST', '/api/v1/email-templates', {
      name: 'B shipped',
      subject: 'B: {{ shipment.status_label }}',
      mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi from B</mj-text></mj-column></mj-section></mj-body></mjml>',
    });
    expect(template.status).toBe(201);
    ids.template = template.body.id;
    expect((await bApi('POST', `/api/v1/email-templates/${ids.template}/publish`, {})).status).toBe(201);

    const flow = await bApi('POST', '/api/v1/flows', { name: 'B flow', definition: FLOW_DEFINITION(ids.template) });
    expect(flow.status).toBe(201);
    ids.flow = flow.body.id;
    expect((await bApi('POST', `/api/v1/flows/${ids.flow}/publish`, {})).status).toBe(201);

    // Keys are minted from an owner session only.
    const key = await as.b.session('POST', '/api/v1/api-keys', { name: 'B integration' });
    expect(key.status).toBe(201);
    ids.apiKey = key.body.id;
    ids.apiKeySecret = key.body.key;

    ids.trackingNumber = `TENANT-${b.slug}`;
    const recipient = `buyer-${b.slug}@example.com`;
    const shipment = await bApi('POST', '/api/v1/shipments', {
      trackingNumber: ids.trackingNumber,
      carrier: 'fedex',
      orderNumber: `B-${b.slug}`,
      customer: { email: recipient },
    });
    expect(shipment.status).toBe(201);
    ids.shipment = shipment.body.id;
    ids.customer = shipment.body.customerId;
    const order = await bApi('POST', '/api/v1/orders', {
      number: `B-${b.slug}`,
      createdAt: '2026-11-25T07:00:00Z',
      currency: 'EUR',
      subtotal: '10',
      total: '10',
      customer: { email: recipient },
    });
    expect(order.status).toBe(200);
    ids.order = order.body.order.id;
    const product = await bApi('POST', '/api/v1/products', { products: [{ externalId: `B-${b.slug}`, title: 'B mug' }] });
    ids.product = product.body.items[0].id;
    // A CSV import with one refused row, so its error report has something to leak.
    const imported = await bApi('POST', '/api/v1/imports?kind=products', 'product_id,title\nB-CSV,\n', { 'content-type': 'text/csv' });
    expect(imported.body).toMatchObject({ state: 'done', rowsFailed: 1 });
    ids.csvImport = imported.body.id;
    const integration = await as.b.session('POST', '/api/v1/settings/integrations', { platform: 'woocommerce', name: 'B shop' });
    expect(integration.status).toBe(201);
    ids.integration = integration.body.id;
    const scan = await bApi('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: ids.trackingNumber, code: 'OD', occurredAt: '2026-11-25T08:00:00Z' }],
    });
    expect(scan.body.accepted).toBe(1);

    // The e-mail B's flow sends lands in the SMTP capture and becomes an entry of B's outbox.
    ids.outboxEntry = await waitFor<string>(
      async () => (await bApi('GET', '/api/v1/outbox')).body.items?.[0]?.id,
      15_000,
      'B’s outbox entry',
    );
    // An alert of B's run, as an alert_team step writes it (B's flow has none, so that its e-mail stays the only message).
    const alert = await testDb().query(
      `INSERT INTO alerts (merchant_id, run_id, node_id, shipment_id, title, created_at, updated_at)
       SELECT merchant_id, id, 'alert', shipment_id, 'B alert', now(), now() FROM flow_runs WHERE shipment_id = $1 RETURNING id`,
      [ids.shipment],
    );
    ids.alert = alert.rows[0].id;
    ids.ownerOfB = (await testDb().query(`SELECT id FROM users WHERE email = $1`, [b.email])).rows[0].id;
    const { rows: runs } = await testDb().query(`SELECT id FROM flow_runs WHERE shipment_id = $1`, [ids.shipment]);
    ids.flowRun = runs[0].id;
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('has an isolation case for every route with a parameter (add new ones to the table)', () => {
    const routes = registeredRoutes(engine);
    expect(routes).toContain('GET /api/v1/shipments/:id');
    const uncovered = routes.filter((route) => isParameterised(route) && !(route in CASES) && !(route in EXEMPT));
    expect(uncovered, 'parameterised routes without a tenant-isolation case: add them to CASES').toEqual([]);
    const stale = Object.keys(CASES).filter((route) => !routes.includes(route));
    expect(stale, 'cases for routes the engine does not serve (a 404 there would prove nothing)').toEqual([]);
  });

  it('answers 404 to merchant A for each of merchant B’s resources, and changes none of them', async () => {
    const leaks: string[] = [];
    for (const [route, spec] of Object.entries(CASES)) {
      const [method, path] = route.split(' ');
      for (const credential of spec.credentials) {
        const response: ApiResponse = await as.a[credential](method, fillPath(path, spec.params()), spec.body);
        if (response.status !== 404 || response.body?.error !== 'not_found') {
          leaks.push(`${route} with A's ${credential}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        }
      }
    }
    expect(leaks).toEqual([]);

    const template = await as.b.apiKey('GET', `/api/v1/email-templates/${ids.template}`);
    expect(template.body).toMatchObject({ name: 'B shipped', subject: 'B: {{ shipment.status_label }}', revision: 1, publishedVersion: 1 });
    const flow = await as.b.apiKey('GET', `/api/v1/flows/${ids.flow}`);
    expect(flow.body).toMatchObject({ name: 'B flow', status: 'published', revision: 1, draft: FLOW_DEFINITION(ids.template) });
    expect(flow.body.versions).toHaveLength(1);
    const customer = await as.b.apiKey('GET', `/api/v1/customers/${ids.customer}`);
    expect(customer.body.consents).toMatchObject({ transactional: { state: 'granted' }, marketing: { state: 'none' } });
    expect(customer.body).toMatchObject({ email: `buyer-${b.slug}@example.com`, erasedAt: null, unsubscribes: [] });
    const { rows: audit } = await testDb().query(`SELECT count(*)::int AS n FROM privacy_audit WHERE customer_id = $1`, [ids.customer]);
    expect(audit[0].n).toBe(0);
    const integration = await as.b.apiKey('GET', `/api/v1/settings/integrations/${ids.integration}`);
    expect(integration.body.secretRotatedAt).toBeNull();
    const keys = await as.b.session('GET', '/api/v1/api-keys');
    expect(keys.body.find((k: { id: string }) => k.id === ids.apiKey).revokedAt).toBeNull();
    expect((await apiClient(engine.url, ids.apiKeySecret)('GET', '/api/v1/carriers')).status).toBe(200);
  });

  it('serves the same calls to merchant B, so the 404s above were about ownership', async () => {
    const misses: string[] = [];
    for (const [route, spec] of Object.entries(CASES)) {
      const [method, path] = route.split(' ');
      const credential = spec.credentials[0];
      const response = await as.b[credential](method, fillPath(path, spec.params()), spec.body);
      if (response.status >= 400) misses.push(`${route} with B's ${credential}: ${response.status}`);
    }
    expect(misses).toEqual([]);
  });

  it('lists and searches only the caller’s own data', async () => {
    const own = await as.a.apiKey('POST', '/api/v1/shipments', {
      trackingNumber: `A-OWN-${a.slug}`,
      carrier: 'fedex',
      customer: {},
    });
    expect(own.status).toBe(201);

    const shipments = await as.a.apiKey('GET', '/api/v1/shipments?limit=200');
    expect(shipments.status).toBe(200);
    const shipmentIds = shipments.body.items.map((s: { id: string }) => s.id);
    expect(shipmentIds).toContain(own.body.id);
    expect(shipmentIds).not.toContain(ids.shipment);
    const search = await as.a.apiKey('GET', `/api/v1/shipments?q=${encodeURIComponent(ids.trackingNumber)}`);
    expect(search.body.items).toEqual([]);

    const messages = await as.a.apiKey('GET', `/api/v1/messages?shipmentId=${ids.shipment}`);
    expect(messages.status).toBe(200);
    expect(messages.body.items).toEqual([]);
    expect((await as.b.apiKey('GET', `/api/v1/messages?shipmentId=${ids.shipment}`)).body.items).toHaveLength(1);

    const lists: [Credential, string, (body: any) => { id: string }[], string][] = [
      ['apiKey', '/api/v1/email-templates', (body) => body, ids.template],
      ['apiKey', '/api/v1/flows', (body) => body, ids.flow],
      ['apiKey', '/api/v1/outbox', (body) => body.items, ids.outboxEntry],
      ['apiKey', '/api/v1/orders', (body) => body.items, ids.order],
      ['apiKey', '/api/v1/customers', (body) => body.items, ids.customer],
      ['apiKey', '/api/v1/products', (body) => body.items, ids.product],
      ['session', '/api/v1/api-keys', (body) => body, ids.apiKey],
      ['apiKey', '/api/v1/settings/integrations', (body) => body.items, ids.integration],
      ['apiKey', '/api/v1/flow-runs', (body) => body.items, ids.flowRun],
      ['apiKey', `/api/v1/flow-runs?flowId=${ids.flow}`, (body) => body.items, ids.flowRun],
      ['apiKey', `/api/v1/flow-runs?shipmentId=${ids.shipment}`, (body) => body.items, ids.flowRun],
    ];
    for (const [credential, path, items, bId] of lists) {
      const listed = await as.a[credential]('GET', path);
      expect(listed.status, path).toBe(200);
      expect(items(listed.body).map((item) => item.id), path).not.toContain(bId);
    }
  });

  it('does not let merchant A’s carrier scans move merchant B’s shipment', async () => {
    const scan = await as.a.apiKey('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: ids.trackingNumber, code: 'DL', occurredAt: '2026-11-26T08:00:00Z' }],
    });
    expect(scan.status).toBe(202);
    expect(scan.body).toMatchObject({ accepted: 1, unknownShipments: 1 });
    const shipment = await as.b.apiKey('GET', `/api/v1/shipments/${ids.shipment}`);
    expect(shipment.body.status).toBe('out_for_delivery');
    expect(shipment.body.events.map((e: { code: string }) => e.code)).toEqual(['OD']);
  });

  it('refuses to publish a flow of merchant A that would send merchant B’s template', async () => {
    const flow = await as.a.apiKey('POST', '/api/v1/flows', { name: 'Borrowed', definition: FLOW_DEFINITION(ids.template) });
    expect(flow.status).toBe(201);
    const publish = await as.a.apiKey('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
    expect(publish.status).toBe(422);
    expect(JSON.stringify(publish.body)).toContain('does not exist');
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM flow_versions WHERE flow_id = $1`, [flow.body.id]);
    expect(rows[0].n).toBe(0);
  });
});
