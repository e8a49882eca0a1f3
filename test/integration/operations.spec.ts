import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { startTestEngine } from '../support/engine';
import { apiClient, createMerchant, createUser, logIn, StudioSession, TestMerchant } from '../support/fixtures';

const sessionCookie = ({ session, csrf }: StudioSession) =>
  `postino_session=${encodeURIComponent(session)}; postino_csrf=${encodeURIComponent(csrf)}`;

describe('what operators rely on', () => {
  let engine: RunningEngine;
  let merchant: TestMerchant;

  beforeAll(async () => {
    merchant = await createMerchant();
    engine = await startTestEngine({ ADMIN_EMAILS: ` ${merchant.email.toUpperCase()} , ops@example.com` });
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('reports health with both dependencies up, without credentials', async () => {
    const response = await fetch(`${engine.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('exposes Prometheus metrics, labelled by route pattern rather than by raw URL', async () => {
    const api = apiClient(engine.url, merchant.apiKey);
    const created = await api('POST', '/api/v1/shipments', { trackingNumber: 'OPS-1', carrier: 'fedex', customer: {} });
    expect((await api('GET', `/api/v1/shipments/${created.body.id}`)).status).toBe(200);

    const response = await fetch(`${engine.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('# TYPE postino_http_request_duration_seconds histogram');
    expect(text).toMatch(/postino_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/shipments\/:id"[^}]*status="200"/);
    expect(text).not.toContain(created.body.id);
    expect(text).toContain('postino_process_cpu_seconds_total');
  });

  it('publishes an OpenAPI document of the REST API', async () => {
    const response = await fetch(`${engine.url}/api/docs-json`);
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/shipments', '/api/v1/shipments/{id}', '/api/v1/tracking-events']),
    );
    expect(doc.paths['/api/v1/shipments'].post).toBeDefined();
    expect(doc.paths['/api/v1/tracking-events'].post).toBeDefined();
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    // The OpenAPI UI is served too.
    expect((await fetch(`${engine.url}/api/docs`)).status).toBe(200);
  });

  it('shows Bull Board to instance administrators only', async () => {
    const anonymous = await fetch(`${engine.url}/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'unauthorized', details: null });

    const withApiKey = await fetch(`${engine.url}/admin/queues`, { headers: { authorization: `Bearer ${merchant.apiKey}` } });
    expect(withApiKey.status).toBe(401);

    const marketer = await createUser(merchant.merchantId, 'marketer');
    const marketerSession = await logIn(engine.url, marketer.email, marketer.password);
    const forbidden = await fetch(`${engine.url}/admin/queues`, { headers: { cookie: sessionCookie(marketerSession) } });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: 'forbidden', details: null });

    // The owner of another shop is no administrator of this instance.
    const otherShop = await createMerchant();
    const otherOwner = await logIn(engine.url, otherShop.email, otherShop.password);
    expect((await fetch(`${engine.url}/admin/queues`, { headers: { cookie: sessionCookie(otherOwner) } })).status).toBe(403);

    const ownerSession = await logIn(engine.url, merchant.email, merchant.password);
    const board = await fetch(`${engine.url}/admin/queues`, { headers: { cookie: sessionCookie(ownerSession) } });
    expect(board.status).toBe(200);
    expect(board.headers.get('content-type')).toMatch(/text\/html/);
    const queues = await fetch(`${engine.url}/admin/queues/api/queues`, { headers: { cookie: sessionCookie(ownerSession) } });
    expect(queues.status).toBe(200);
    expect((await queues.json()).queues.length).toBeGreaterThan(0);
    // The board's own API is guarded as well, not only its page.
    const sneaky = await fetch(`${engine.url}/admin/queues/api/queues`, { headers: { cookie: sessionCookie(marketerSession) } });
    expect(sneaky.status).toBe(403);
  });

  it('serves no API from a worker engine, only health and metrics', async () => {
    const worker = await startTestEngine({ ROLE: 'worker' });
    try {
      expect((await fetch(`${worker.url}/health`)).status).toBe(200);
      expect((await fetch(`${worker.url}/metrics`)).status).toBe(200);
      for (const path of ['/api/v1/shipments', '/API/v1/shipments', '/api/v1/auth/me', '/api/docs-json', '/admin/queues']) {
        const response = await fetch(`${worker.url}${path}`, { headers: { authorization: `Bearer ${merchant.apiKey}` } });
        expect(response.status, path).toBe(404);
        expect(await response.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('worker') });
      }
    } finally {
      await worker.close();
    }
  });
});
