import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_EMAIL_TEMPLATE } from '@postino/templating';
import { hashPassword, sha256 } from '../../apps/engine/src/common/auth/secrets';
import { API_KEY_PREFIX } from '../../apps/engine/src/modules/api-keys/api-keys.service';
import { seedDemoShop, type DemoApiCall } from './demo-shop';
import { connectDemoShopify, type DemoShopify } from './demo-shopify';

export const DEMO_LOGIN = { email: 'owner@demo.postino.local', password: 'postino-demo' };
const DEMO_SLUG = 'demo-shop';

export interface DemoSeed {
  merchantId: string;
  email: string;
  password: string;
  apiKey: string;
  /** The demo shop's Shopify connection, for the signed sample webhook. */
  shopify: DemoShopify;
  created: boolean;
}

/** The demo API key is derived from the local secret, so every start can print it again without storing it. */
function demoApiKey(appSecret: string): string {
  return `${API_KEY_PREFIX}demo_${createHmac('sha256', appSecret).update('demo-api-key').digest('base64url')}`;
}

/** Calls the API; an answer outside 2xx and `alsoAccepted` throws. */
async function api<T>(
  engineUrl: string,
  apiKey: string,
  method: string,
  path: string,
  body?: unknown,
  alsoAccepted: number[] = [],
): Promise<T> {
  const response = await fetch(`${engineUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok && !alsoAccepted.includes(response.status)) {
    throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/**
 * Creates the demo merchant, its owner and API key directly (nothing exists yet to call the API with),
 * then a published template, a published flow and the shop's catalogue, customers, orders and shipments
 * through the public API, as a shop would (see demo-shop.ts).
 * Runs once: a second start finds the merchant and only re-derives the demo key (and seeds the shop data if a
 * data folder from before it existed has none).
 */
export async function seedDemo(options: {
  databaseUrl: string;
  engineUrl: string;
  /** The base of links and pictures customers see (PUBLIC_URL). */
  publicUrl: string;
  appSecret: string;
}): Promise<DemoSeed> {
  const apiKey = demoApiKey(options.appSecret);
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  let merchantId: string;
  try {
    const existing = await db.query(`SELECT id FROM merchants WHERE slug = $1`, [DEMO_SLUG]);
    if (existing.rows[0]) {
      merchantId = existing.rows[0].id;
      await db.query(
        `INSERT INTO api_keys (merchant_id, name, prefix, key_hash) VALUES ($1, 'Demo key', $2, $3)
         ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL`,
        [merchantId, apiKey.slice(0, API_KEY_PREFIX.length + 6), sha256(apiKey)],
      );
      const hasProducts = (await db.query(`SELECT EXISTS (SELECT 1 FROM products WHERE merchant_id = $1) AS yes`, [merchantId]))
        .rows[0].yes;
      if (!hasProducts) await seedDemoShop(callWith(options, apiKey), options.publicUrl);
      const shopify = await connectDemoShopify(options.engineUrl, DEMO_LOGIN, options.appSecret);
      return { merchantId, ...DEMO_LOGIN, apiKey, shopify, created: false };
    }
    await db.query('BEGIN');
    merchantId = (await db.query(`INSERT INTO merchants (name, slug) VALUES ('Demo Shop', $1) RETURNING id`, [DEMO_SLUG]))
      .rows[0].id;
    await db.query(
      `INSERT INTO users (merchant_id, email, name, role, password_hash) VALUES ($1, $2, 'Demo Owner', 'owner', $3)`,
      [merchantId, DEMO_LOGIN.email, await hashPassword(DEMO_LOGIN.password)],
    );
    await db.query(`INSERT INTO api_keys (merchant_id, name, prefix, key_hash) VALUES ($1, 'Demo key', $2, $3)`, [
      merchantId,
      apiKey.slice(0, API_KEY_PREFIX.length + 6),
      sha256(apiKey),
    ]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }

  const call = callWith(options, apiKey);
  const template = await call<{ id: string }>('POST', '/api/v1/email-templates', {
    name: 'Status update',
    ...DEFAULT_EMAIL_TEMPLATE,
  });
  await call('POST', `/api/v1/email-templates/${template.id}/publish`, {});
  const flow = await call<{ id: string }>('POST', '/api/v1/flows', {
    name: 'Out for delivery → e-mail',
    definition: {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['out_for_delivery', 'delivered'] }, position: { x: 0, y: 0 } },
        { id: 'email', type: 'send_email', config: { templateId: template.id }, position: { x: 0, y: 160 } },
      ],
      edges: [{ from: 'trigger', fromPort: 'next', to: 'email' }],
    },
  });
  await call('POST', `/api/v1/flows/${flow.id}/publish`, {});
  await seedDemoShop(call, options.publicUrl);
  const shopify = await connectDemoShopify(options.engineUrl, DEMO_LOGIN, options.appSecret);
  return { merchantId, ...DEMO_LOGIN, apiKey, shopify, created: true };
}

function callWith(options: { engineUrl: string }, apiKey: string): DemoApiCall {
  return (method, path, body, alsoAccepted) => api(options.engineUrl, apiKey, method, path, body, alsoAccepted);
}

/** The curl a user runs to see one scan become one e-mail (for the English-speaking demo customer). */
export function sampleEventCurl(engineUrl: string, apiKey: string): string {
  const body = JSON.stringify({
    events: [{ carrier: 'fedex', trackingNumber: 'DEMO1002', code: 'OD', description: 'On FedEx vehicle for delivery', occurredAt: new Date().toISOString(), location: 'NEW YORK, NY US' }],
  });
  return `curl -s -X POST ${engineUrl}/api/v1/tracking-events -H 'Authorization: Bearer ${apiKey}' -H 'Content-Type: application/json' -d '${body}'`;
}
