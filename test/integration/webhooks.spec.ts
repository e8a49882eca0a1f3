import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgCapturedWebhookStore, startWebhookCapture } from '@postino/stack';
import { ENGINE_CONFIG, EngineConfig } from '../../apps/engine/src/config/engine-config';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import { webhookSecretReader } from '../../tools/dev/webhook-secrets';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, logIn, sessionClient, TestMerchant, testDb, waitFor } from '../support/fixtures';
import { publishFlow } from '../support/flows';

type Api = EngineWithMerchant['api'];

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A shop's receiver on 127.0.0.1: keeps every request, and answers with the statuses scripted for its path (then 200). */
async function receiver(): Promise<{ url: string; received: Received[]; script: Map<string, number[]>; server: Server }> {
  const received: Received[] = [];
  const script = new Map<string, number[]>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({ path, headers: request.headers, body });
      response.writeHead(script.get(path)?.shift() ?? 200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, script, server };
}

/** What a shop's receiver does with Postino-Signature (README, "Verifying Postino's webhooks"). */
function signatureValid(secret: string, header: string | undefined, body: string): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  return parts.v1 === expected;
}

describe('webhook node', () => {
  const context = useEngineWithMerchant();
  let hooks: Awaited<ReturnType<typeof receiver>>;
  let n = 0;

  beforeAll(async () => {
    hooks = await receiver();
  });
  afterAll(() => hooks.server.close());

  async function shop(): Promise<{ merchant: TestMerchant; api: Api; rotate: () => Promise<string> }> {
    const merchant = await createMerchant();
    const owner = sessionClient(context.engine.url, await logIn(context.engine.url, merchant.email, merchant.password));
    const rotate = async () => {
      const rotated = await owner('POST', '/api/v1/settings/webhook-signing/rotate', {});
      expect(rotated.status).toBe(200);
      return rotated.body.secret as string;
    };
    return { merchant, api: apiClient(context.engine.url, merchant.apiKey), rotate };
  }

  /** Publishes "in transit → webhook to `path` of the receiver", ships and scans one parcel; returns its id. */
  async function deliverTo(api: Api, path: string): Promise<string> {
    await publishFlow(api, `Hook ${path}`, {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        { id: 'hook', type: 'webhook', config: { url: `${hooks.url}${path}` } },
      ],
      edges: [['trigger', 'next', 'hook']],
    });
    const number = `HOOK-${++n}`;
    const created = await api('POST', '/api/v1/shipments', { trackingNumber: number, carrier: 'fedex', customer: { email: `${number.toLowerCase()}@example.com` } });
    expect(created.status).toBe(201);
    const at = context.engine.app.get(Clock).now().toISOString();
    expect((await api('POST', '/api/v1/tracking-events', { events: [{ carrier: 'fedex', trackingNumber: number, code: 'IT', occurredAt: at }] })).status).toBe(202);
    return created.body.id;
  }

  async function messageOf(shipmentId: string) {
    const { rows } = await testDb().query(
      `SELECT m.message_id AS "messageId", m.channel, m.state, m.attempts, m.last_error AS "lastError",
              array(SELECT h.state FROM message_state_changes h WHERE h.message_id = m.id ORDER BY h.id) AS history
         FROM messages m WHERE m.shipment_id = $1`,
      [shipmentId],
    );
    return rows[0];
  }

  const settled = (shipmentId: string) =>
    waitFor(async () => {
      const message = await messageOf(shipmentId);
      return message && ['sent', 'failed', 'skipped'].includes(message.state) && message;
    }, 20_000, 'the webhook settled');

  it('POSTs the shipment signed with the shop’s secret and a delivery id, even in quiet hours', async () => {
    const { api, rotate } = await shop();
    const secret = await rotate();
    expect((await api('PUT', '/api/v1/settings/sending-policy', { timezone: 'UTC', quietHours: { start: '00:00', end: '23:59' }, frequencyCaps: [] })).status).toBe(200);
    const shipmentId = await deliverTo(api, '/ok');

    const message = await settled(shipmentId);
    expect(message).toMatchObject({ channel: 'webhook', state: 'sent', attempts: 1 });
    const [request] = hooks.received.filter((r) => r.headers['postino-delivery'] === message.messageId);
    expect(request.path).toBe('/ok');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['postino-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(signatureValid(secret, request.headers['postino-signature'] as string, request.body)).toBe(true);
    expect(signatureValid(secret, request.headers['postino-signature'] as string, `${request.body} `)).toBe(false);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ id: message.messageId, type: 'flow.webhook', shipment: { id: shipmentId, status: 'in_transit', carrier: 'fedex' } });
  });

  it('retries a 503 and a 500 with the same delivery id until the receiver takes it, and fails on a 4xx without retrying', async () => {
    const { api, rotate } = await shop();
    await rotate();
    hooks.script.set('/flaky', [503, 500]);
    const clock = context.engine.app.get(Clock);
    const flaky = await deliverTo(api, '/flaky');
    await waitFor(async () => (await messageOf(flaky))?.attempts === 1 && (await messageOf(flaky)).state === 'queued', 10_000, 'the 503 queued');
    clock.advance(11_000);
    await waitFor(async () => (await messageOf(flaky))?.attempts === 2 && (await messageOf(flaky)).state === 'queued', 10_000, 'the 500 queued');
    clock.advance(21_000);
    const message = await settled(flaky);
    expect(message).toMatchObject({ state: 'sent', attempts: 3 });
    expect(message.history).toEqual(['queued', 'sending', 'queued', 'sending', 'queued', 'sending', 'sent']);
    const tries = hooks.received.filter((r) => r.path === '/flaky');
    expect(tries.map((r) => r.headers['postino-delivery'])).toEqual([message.messageId, message.messageId, message.messageId]);

    hooks.script.set('/gone', [410]);
    const other = await shop();
    await other.rotate();
    const gone = await settled(await deliverTo(other.api, '/gone'));
    expect(gone).toMatchObject({ state: 'failed', attempts: 1, lastError: 'the receiver answered 410: ok' });
    expect(hooks.received.filter((r) => r.path === '/gone')).toHaveLength(1);
  });

  it('signs with the new secret once rotated (the old one no longer verifies), and fails without any secret', async () => {
    const { api, rotate } = await shop();
    const unsigned = await settled(await deliverTo(api, '/unsigned'));
    expect(unsigned).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/^the shop has no webhook signing secret/) });
    expect(hooks.received.filter((r) => r.path === '/unsigned')).toEqual([]);

    expect((await api('GET', '/api/v1/settings/webhook-signing')).body).toEqual({ configured: false, createdAt: null, rotatedAt: null });
    expect((await api('POST', '/api/v1/settings/webhook-signing/rotate', {})).status).toBe(403);
    const first = await rotate();
    const second = await rotate();
    expect(second).not.toBe(first);
    const status = (await api('GET', '/api/v1/settings/webhook-signing')).body;
    expect(status).toEqual({ configured: true, createdAt: expect.any(String), rotatedAt: expect.any(String) });
    expect(JSON.stringify(status)).not.toContain(second);

    const message = await settled(await deliverTo(api, '/rotated'));
    const [request] = hooks.received.filter((r) => r.headers['postino-delivery'] === message.messageId);
    expect(signatureValid(second, request.headers['postino-signature'] as string, request.body)).toBe(true);
    expect(signatureValid(first, request.headers['postino-signature'] as string, request.body)).toBe(false);
  });

  it('is stored by the local webhook capture with its signature verified, and shown in the Outbox under Webhook', async () => {
    const { api, rotate } = await shop();
    await rotate();
    const { APP_SECRET } = context.engine.app.get<EngineConfig>(ENGINE_CONFIG);
    const capture = await startWebhookCapture({ store: createPgCapturedWebhookStore(testDb()), secretOf: webhookSecretReader(testDb(), APP_SECRET) });
    try {
      await publishFlow(api, 'To the capture', {
        nodes: [
          { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
          { id: 'hook', type: 'webhook', config: { url: `${capture.url}/orders` } },
        ],
        edges: [['trigger', 'next', 'hook']],
      });
      const created = await api('POST', '/api/v1/shipments', { trackingNumber: 'CAPTURED-1', carrier: 'fedex', customer: { email: 'cap@example.com' } });
      const at = context.engine.app.get(Clock).now().toISOString();
      await api('POST', '/api/v1/tracking-events', { events: [{ carrier: 'fedex', trackingNumber: 'CAPTURED-1', code: 'IT', occurredAt: at }] });
      const message = await settled(created.body.id);

      const listed = await waitFor(async () => {
        const page = await api('GET', '/api/v1/outbox?channel=webhook');
        return page.body.items.length > 0 && page.body.items;
      }, 10_000, 'the captured webhook in the Outbox');
      expect(listed).toEqual([
        expect.objectContaining({ channel: 'webhook', to: `${capture.url}/orders`, messageId: message.messageId, shipmentId: created.body.id, signatureValid: true, answered: 200 }),
      ]);
      const detail = await api('GET', `/api/v1/outbox/${listed[0].id}`);
      expect(JSON.parse(detail.body.body)).toMatchObject({ id: message.messageId, shipment: { trackingNumber: 'CAPTURED-1' } });
      expect(detail.body.signature).toMatch(/^t=\d+,v1=/);

      // A forged request names the shop but not its signature: stored, and marked so.
      const forged = JSON.stringify({ merchant: { id: (await testDb().query(`SELECT merchant_id FROM messages WHERE message_id = $1`, [message.messageId])).rows[0].merchant_id } });
      await fetch(`${capture.url}/orders`, { method: 'POST', headers: { 'postino-signature': `t=1,v1=${'0'.repeat(64)}`, 'postino-delivery': 'forged-1' }, body: forged });
      const stored = await waitFor(async () => (await testDb().query(`SELECT signature_valid FROM captured_webhooks WHERE delivery_id = 'forged-1'`)).rows[0], 5_000, 'the forged request stored');
      expect(stored.signature_valid).toBe(false);
      expect((await api('GET', '/api/v1/outbox?channel=webhook')).body.items).toHaveLength(1);
    } finally {
      await capture.stop();
    }
  });

  it('refuses to publish a webhook without a usable URL, naming the field', async () => {
    const { api } = await shop();
    const flow = await api('POST', '/api/v1/flows', {
      name: 'Bad hook',
      definition: {
        nodes: [
          { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] }, position: { x: 0, y: 0 } },
          { id: 'hook', type: 'webhook', config: { url: 'ftp://shop.example.com/in' }, position: { x: 0, y: 100 } },
        ],
        edges: [{ from: 'trigger', fromPort: 'next', to: 'hook' }],
      },
    });
    const published = await api('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
    expect(published.status).toBe(422);
    expect(published.body.details).toEqual([
      { field: 'definition.nodes.1.config.url', nodeId: 'hook', message: 'Enter a web address such as https://shop.example.com/hooks/postino, without a user name or password.' },
    ]);
  });
});

describe('webhook node without private networks allowed', () => {
  const context = useEngineWithMerchant({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' });

  it('fails a delivery to a loopback or private address without calling it', async () => {
    const hooks = await receiver();
    try {
      const merchant = context.merchant;
      const owner = sessionClient(context.engine.url, await logIn(context.engine.url, merchant.email, merchant.password));
      expect((await owner('POST', '/api/v1/settings/webhook-signing/rotate', {})).status).toBe(200);
      const api = context.api;
      const port = new URL(hooks.url).port;
      await publishFlow(api, 'Inward hooks', {
        nodes: [
          { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
          { id: 'loopback', type: 'webhook', config: { url: `https://127.0.0.1:${port}/x` } },
          { id: 'named', type: 'webhook', config: { url: `https://localhost:${port}/x` } },
          { id: 'metadata', type: 'webhook', config: { url: 'https://169.254.169.254/latest/meta-data/' } },
        ],
        edges: [
          ['trigger', 'next', 'loopback'],
          ['loopback', 'next', 'named'],
          ['named', 'next', 'metadata'],
        ],
      });
      const created = await api('POST', '/api/v1/shipments', { trackingNumber: 'SSRF-1', carrier: 'fedex', customer: { email: 'ssrf@example.com' } });
      const at = context.engine.app.get(Clock).now().toISOString();
      await api('POST', '/api/v1/tracking-events', { events: [{ carrier: 'fedex', trackingNumber: 'SSRF-1', code: 'IT', occurredAt: at }] });
      const rows = await waitFor(async () => {
        const { rows } = await testDb().query(`SELECT node_id AS "nodeId", state, last_error AS "lastError" FROM messages WHERE shipment_id = $1 ORDER BY node_id`, [created.body.id]);
        return rows.length === 3 && rows.every((row: { state: string }) => row.state === 'failed') && rows;
      }, 20_000, 'three refused deliveries');
      expect(rows).toEqual([
        { nodeId: 'loopback', state: 'failed', lastError: 'refused: 127.0.0.1 is a private address' },
        { nodeId: 'metadata', state: 'failed', lastError: 'refused: 169.254.169.254 is a private address' },
        { nodeId: 'named', state: 'failed', lastError: expect.stringMatching(/^refused: localhost resolves to (127\.0\.0\.1|::1), a private address$/) },
      ]);
      expect(hooks.received).toEqual([]);
    } finally {
      hooks.server.close();
    }
  });
});
