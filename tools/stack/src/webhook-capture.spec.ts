import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookCapture, verifyWebhookSignature, type CapturedWebhook, type RunningWebhookCapture } from './webhook-capture';

const SECRET = 'whsec_test';
const BODY = JSON.stringify({ id: 'd1@postino.local', merchant: { id: 'm-1' } });
const sign = (secret: string, body: string, t = 1796229909) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

describe('verifyWebhookSignature', () => {
  it('accepts the HMAC of "<t>.<body>" and refuses any other', () => {
    expect(verifyWebhookSignature(SECRET, sign(SECRET, BODY), BODY)).toBe(true);
    expect(verifyWebhookSignature(SECRET, sign('other', BODY), BODY)).toBe(false);
    expect(verifyWebhookSignature(SECRET, sign(SECRET, BODY), `${BODY} `)).toBe(false);
    expect(verifyWebhookSignature(SECRET, sign(SECRET, BODY).replace('t=1796229909', 't=1796229910'), BODY)).toBe(false);
    expect(verifyWebhookSignature(SECRET, 'v1=abc', BODY)).toBe(false);
    expect(verifyWebhookSignature(SECRET, null, BODY)).toBe(false);
  });
});

describe('the webhook capture', () => {
  let capture: RunningWebhookCapture | undefined;
  afterEach(() => capture?.stop());

  async function started(options: { secretOf?: (id: string) => Promise<string | null>; answer?: () => number | undefined } = {}) {
    const stored: CapturedWebhook[] = [];
    capture = await startWebhookCapture({ store: async (webhook) => void stored.push(webhook), ...options });
    return { stored, post: (path: string, body: string, signature?: string) =>
      fetch(`${capture!.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'postino-delivery': 'd1@postino.local', ...(signature ? { 'postino-signature': signature } : {}) },
        body,
      }) };
  }

  it('stores every request with its delivery id and whether the merchant’s secret verifies its signature', async () => {
    const { stored, post } = await started({ secretOf: async (id) => (id === 'm-1' ? SECRET : null) });
    expect((await post('/orders?x=1', BODY, sign(SECRET, BODY))).status).toBe(200);
    expect((await post('/orders', BODY, sign('stolen', BODY))).status).toBe(200);
    expect((await post('/orders', JSON.stringify({ merchant: { id: 'm-2' } }), 'sig')).status).toBe(200);
    expect(stored.map(({ url, deliveryId, signatureValid, answered }) => ({ url, deliveryId, signatureValid, answered }))).toEqual([
      { url: '/hooks/orders?x=1', deliveryId: 'd1@postino.local', signatureValid: true, answered: 200 },
      { url: '/hooks/orders', deliveryId: 'd1@postino.local', signatureValid: false, answered: 200 },
      { url: '/hooks/orders', deliveryId: 'd1@postino.local', signatureValid: null, answered: 200 },
    ]);
    expect(stored[0].body).toBe(BODY);
  });

  it('answers what a test scripts, storing the request all the same, and only takes POST', async () => {
    const { stored, post } = await started({ answer: () => 503 });
    expect((await post('/x', BODY)).status).toBe(503);
    expect(stored).toEqual([expect.objectContaining({ answered: 503, signatureValid: null })]);
    expect((await fetch(capture!.url)).status).toBe(405);
  });
});
