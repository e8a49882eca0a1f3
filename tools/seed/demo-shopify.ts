import { createHmac, randomUUID } from 'node:crypto';

const INTEGRATION_NAME = 'Demo Shopify store';

export interface DemoShopify {
  hookUrl: string;
  secret: string;
}

/** Logs the demo owner in (integrations are an owner's setting) and returns a fetch with session + CSRF. */
async function ownerSession(engineUrl: string, login: { email: string; password: string }) {
  const response = await fetch(`${engineUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(login),
  });
  if (!response.ok) throw new Error(`demo login → ${response.status}: ${await response.text()}`);
  const cookies = new Map(
    response.headers.getSetCookie().map((line) => {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))] as const;
    }),
  );
  const csrf = cookies.get('postino_csrf') ?? '';
  const cookie = [...cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${engineUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${path} → ${answer.status}: ${await answer.text()}`);
    return (await answer.json()) as T;
  };
}

/**
 * The demo shop's Shopify connection. Its signing secret is derived from the local secret, as Shopify's would be
 * pasted once, so every start can print a signed sample webhook again without storing the secret in clear.
 */
export async function connectDemoShopify(
  engineUrl: string,
  login: { email: string; password: string },
  appSecret: string,
): Promise<DemoShopify> {
  const secret = createHmac('sha256', appSecret).update('demo-shopify-webhook-secret').digest('base64url');
  const call = await ownerSession(engineUrl, login);
  const existing = (await call<{ items: { name: string; hookUrl: string }[] }>('GET', '/api/v1/settings/integrations')).items.find(
    (integration) => integration.name === INTEGRATION_NAME,
  );
  if (existing) return { hookUrl: existing.hookUrl, secret };
  const created = await call<{ hookUrl: string }>('POST', '/api/v1/settings/integrations', {
    platform: 'shopify',
    name: INTEGRATION_NAME,
    secret,
    currency: 'EUR',
  });
  return { hookUrl: created.hookUrl, secret };
}

/**
 * An `orders/create` webhook shaped like Shopify's, signed as Shopify signs (base64 HMAC-SHA256 of the exact
 * body): run it and order #5010 appears under Orders, with its customer. The body has no single quotes, so it
 * can sit inside the shell's single quotes.
 */
export function sampleShopifyWebhookCurl({ hookUrl, secret }: DemoShopify, now = new Date()): string {
  const body = JSON.stringify({
    id: 5_010_000_000_001,
    name: '#5010',
    email: 'jonas@example.com',
    created_at: now.toISOString(),
    currency: 'EUR',
    financial_status: 'paid',
    total_line_items_price: '63.90',
    total_discounts: '0.00',
    total_shipping_price_set: { shop_money: { amount: '0.00', currency_code: 'EUR' } },
    total_price: '63.90',
    customer_locale: 'de-DE',
    buyer_accepts_marketing: true,
    discount_codes: [],
    line_items: [
      { product_id: 7_001, variant_id: 7_101, sku: 'POUR-OVER-KIT', title: 'Pour-over coffee kit', quantity: 1, price: '39.00' },
      { product_id: 7_002, variant_id: 7_102, sku: 'GLASS-CARAFE', title: 'Glass carafe 1 l', quantity: 1, price: '19.90' },
      { product_id: 7_003, variant_id: 7_103, sku: 'CANVAS-TOTE', title: 'Canvas tote bag', quantity: 1, price: '5.00' },
    ],
    shipping_address: { name: 'Jonas Becker', city: 'Berlin', zip: '10115', country_code: 'DE' },
    customer: { id: 9_001, email: 'jonas@example.com', first_name: 'Jonas', last_name: 'Becker', default_address: { country_code: 'DE' } },
  });
  const signature = createHmac('sha256', secret).update(body, 'utf8').digest('base64');
  return [
    `curl -s -X POST ${hookUrl}`,
    `-H 'Content-Type: application/json'`,
    `-H 'X-Shopify-Topic: orders/create'`,
    `-H 'X-Shopify-Webhook-Id: ${randomUUID()}'`,
    `-H 'X-Shopify-Hmac-Sha256: ${signature}'`,
    `-d '${body}'`,
  ].join(' ');
}
