import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { startTestEngine } from '../support/engine';
import { apiClient, createMerchant } from '../support/fixtures';

describe('the public tracking page', () => {
  let engine: RunningEngine;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    engine = await startTestEngine();
    api = apiClient(engine.url, (await createMerchant()).apiKey);
  });

  afterAll(async () => {
    await engine?.close();
  });

  it("shows the status and timeline in the customer's language, with carrier text escaped", async () => {
    const shipment = await api('POST', '/api/v1/shipments', {
      trackingNumber: 'PAGE-1',
      carrier: 'fedex',
      orderNumber: '#77',
      customer: { email: 'page@example.com', locale: 'es-ES', timezone: 'Europe/Madrid' },
    });
    await api('POST', '/api/v1/tracking-events', {
      events: [
        {
          carrier: 'fedex',
          trackingNumber: 'PAGE-1',
          code: 'OD',
          description: '<script>alert(1)</script> On vehicle',
          occurredAt: '2026-11-25T08:00:00Z',
          location: 'MADRID ES',
        },
      ],
    });
    const url: string = shipment.body.trackingPageUrl;
    expect(url).toMatch(/\/t\/[A-Za-z0-9_-]{32,}$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await response.text();
    expect(html).toContain('En reparto');
    expect(html).toContain('#77');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; On vehicle');
    expect(html).not.toContain('<script>alert(1)');
    // 08:00 UTC is 09:00 in Madrid.
    expect(html).toMatch(/9:00/);

    const english = await (await fetch(`${url}?lang=en`)).text();
    expect(english).toContain('Out for delivery');
  });

  it('answers an unknown link with a 404 page, not data', async () => {
    const response = await fetch(`${engine.url}/t/not-a-real-token-${'x'.repeat(30)}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });
});
