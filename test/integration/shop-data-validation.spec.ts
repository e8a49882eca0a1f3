import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { ApiResponse, testDb } from '../support/fixtures';

/** The one error shape of the API, and (when given) the field it names. */
function expectError(response: ApiResponse, status: number, field?: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(Object.keys(response.body).sort()).toEqual(['details', 'error', 'message']);
  if (field !== undefined) {
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(response.body.message).toContain(field);
  }
}

const ORDER = {
  number: '#V-1',
  createdAt: '2026-11-27T08:00:00Z',
  currency: 'EUR',
  subtotal: '59.90',
  total: '59.90',
  lineItems: [
    { productId: 'p1', sku: 'A', title: 'Tee', quantity: 1, unitPrice: '29.95' },
    { productId: 'p2', sku: 'B', title: 'Cap', quantity: 1, unitPrice: '29.95', imageUrl: 'https://shop.example/cap.jpg' },
  ],
  shippingAddress: { city: 'Madrid', country: 'ES' },
  customer: { email: 'valid@example.com' },
};
const PRODUCT = { externalId: 'p-1', title: 'Mug', price: '12.50', currency: 'EUR', url: 'https://shop.example/mug' };

/** A deterministic generator, so a failing fuzz case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const JUNK: unknown[] = [null, -1, 0, 1e20, 1.5, '', ' ', 'x'.repeat(5000), '19.999', '-5', 'NaN', '1e3', true, {}, [], [[]], { a: 1 }, '2026-13-45', 'javascript:alert(1)'];

/** `valid` with one leaf replaced by junk, one key dropped, or an unknown key added. */
function mutate(valid: unknown, next: () => number): unknown {
  const copy = structuredClone(valid) as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(copy, []);
  const path = paths[1 + Math.floor(next() * (paths.length - 1))];
  const parent = path.slice(0, -1).reduce<any>((at, key) => at[key], copy);
  const key = path[path.length - 1];
  const choice = next();
  if (choice < 0.7) parent[key] = JUNK[Math.floor(next() * JUNK.length)];
  else if (choice < 0.9) delete parent[key];
  else return JUNK[Math.floor(next() * JUNK.length)];
  return copy;
}

describe('shop data: bad input gets a 400 naming the field, never a 5xx', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  let customerId: string;

  beforeAll(async () => {
    const order = await api('POST', '/api/v1/orders', ORDER);
    expect(order.status, JSON.stringify(order.body)).toBe(200);
    customerId = order.body.order.customer.id;
  });

  async function counts() {
    const { rows } = await testDb().query(
      `SELECT (SELECT count(*) FROM orders WHERE merchant_id = $1)::int AS orders,
              (SELECT count(*) FROM products WHERE merchant_id = $1)::int AS products,
              (SELECT count(*) FROM customers WHERE merchant_id = $1)::int AS customers`,
      [context.merchant.merchantId],
    );
    return rows[0];
  }

  const orderCases: [string, unknown, string][] = [
    ['without a number', { ...ORDER, number: undefined }, 'number'],
    ['with a blank number', { ...ORDER, number: '  ' }, 'number'],
    ['with a time without offset', { ...ORDER, createdAt: '2026-11-27 08:00' }, 'createdAt'],
    ['in year 0000', { ...ORDER, createdAt: '0000-01-01T00:00:00Z' }, 'createdAt'],
    ['with an unknown currency', { ...ORDER, currency: 'EURO' }, 'currency'],
    ['with more decimals than the currency has', { ...ORDER, total: '59.999' }, 'total'],
    ['with decimals in yen', { ...ORDER, currency: 'JPY', subtotal: '100', total: '100.5', lineItems: [] }, 'total'],
    ['with a negative amount', { ...ORDER, shipping: '-4.95' }, 'shipping'],
    ['with a quantity of zero', { ...ORDER, lineItems: [ORDER.lineItems[0], { ...ORDER.lineItems[1], quantity: 0 }] }, 'lineItems.1.quantity'],
    ['with a fractional quantity', { ...ORDER, lineItems: [{ ...ORDER.lineItems[0], quantity: 1.5 }] }, 'lineItems.0.quantity'],
    ['with a line price that is not an amount', { ...ORDER, lineItems: [{ ...ORDER.lineItems[0], unitPrice: 'free' }] }, 'lineItems.0.unitPrice'],
    ['with a script URL for an image', { ...ORDER, lineItems: [{ ...ORDER.lineItems[1], imageUrl: 'javascript:alert(1)' }] }, 'lineItems.0.imageUrl'],
    ['with a line item without title', { ...ORDER, lineItems: [{ quantity: 1, unitPrice: '1' }] }, 'lineItems.0.title'],
    ['with 501 line items', { ...ORDER, lineItems: Array(501).fill(ORDER.lineItems[0]) }, 'lineItems'],
    ['with an unknown status', { ...ORDER, status: 'shipped' }, 'status'],
    ['with discount codes that are not a list', { ...ORDER, discountCodes: 'BF' }, 'discountCodes'],
    ['with a country name', { ...ORDER, shippingAddress: { country: 'Spain' } }, 'shippingAddress.country'],
    ['with a bad customer e-mail', { ...ORDER, customer: { email: 'nope' } }, 'customer.email'],
    ['with a customer without e-mail', { ...ORDER, customer: { name: 'Ana' } }, 'customer.email'],
    ['with a bad customer time zone', { ...ORDER, customer: { email: 'a@example.com', timezone: 'Mars/Base' } }, 'customer.timezone'],
    ['with a NUL in a title', { ...ORDER, lineItems: [{ ...ORDER.lineItems[0], title: 'T\u0000' }] }, 'lineItems.0.title'],
  ];

  it.each(orderCases)('refuses an order %s, naming the field, and stores nothing', async (_, body, field) => {
    const before = await counts();
    expectError(await api('POST', '/api/v1/orders', body), 400, field);
    expect(await counts()).toEqual(before);
  });

  const products = (overrides: Record<string, unknown>, at = 3) =>
    Array.from({ length: 5 }, (_, i) => ({ ...PRODUCT, externalId: `p-${i}`, ...(i === at ? overrides : {}) }));
  const productCases: [string, unknown, string][] = [
    ['a price with three decimals in EUR', { products: products({ price: '1.999' }) }, 'products.3.price'],
    ['a price without currency', { products: products({ currency: undefined }) }, 'products.3.currency'],
    ['no external id', { products: products({ externalId: undefined }) }, 'products.3.externalId'],
    ['an in-stock flag that is not a boolean', { products: products({ inStock: 'yes' }) }, 'products.3.inStock'],
    ['a URL that is not http(s)', { products: products({ url: 'ftp://shop.example/x' }) }, 'products.3.url'],
    ['1,001 products', { products: Array.from({ length: 1001 }, (_, i) => ({ ...PRODUCT, externalId: `b-${i}` })) }, 'products'],
    ['an empty list', { products: [] }, 'products'],
    ['products that are not a list', { products: PRODUCT }, 'products'],
  ];

  it.each(productCases)('refuses products with %s whole, naming the field', async (_, body, field) => {
    const before = await counts();
    expectError(await api('POST', '/api/v1/products', body), 400, field);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad consent changes and unsubscribes, naming the field', async () => {
    const consents = `/api/v1/customers/${customerId}/consents`;
    expectError(await api('PATCH', consents, { marketing: { state: 'maybe', source: 'api' } }), 400, 'marketing.state');
    expectError(await api('PATCH', consents, { marketing: { state: 'granted' } }), 400, 'marketing.source');
    expectError(await api('PATCH', consents, { marketing: { state: 'granted', source: 'two words' } }), 400, 'marketing.source');
    expectError(await api('PATCH', consents, {}), 400);
    expectError(await api('POST', `/api/v1/customers/${customerId}/unsubscribe`, { scope: 'some' }), 400, 'scope');
    expectError(await api('POST', `/api/v1/customers/${customerId}/unsubscribe`, {}), 400, 'scope');
    const customer = await api('GET', `/api/v1/customers/${customerId}`);
    expect(customer.body.consents.marketing.state).toBe('none');
    expect(customer.body.unsubscribes).toEqual([]);
  });

  it.each([
    ['/api/v1/orders?status=bogus', 'status'],
    ['/api/v1/orders?customerId=42', 'customerId'],
    ['/api/v1/orders?createdFrom=yesterday', 'createdFrom'],
    ['/api/v1/orders?cursor=not-a-cursor', 'cursor'],
    ['/api/v1/orders?limit=0', 'limit'],
    ['/api/v1/customers?cursor=zz', 'cursor'],
    ['/api/v1/customers?limit=1000', 'limit'],
    ['/api/v1/products?inStock=maybe', 'inStock'],
    ['/api/v1/products?cursor=zz', 'cursor'],
  ])('refuses the list query %s naming %s', async (path, field) => {
    expectError(await api('GET', path), 400, field);
  });

  it('answers 404 to unknown and malformed ids of orders, customers and products', async () => {
    for (const path of ['/api/v1/orders', '/api/v1/customers', '/api/v1/products']) {
      expectError(await api('GET', `${path}/${randomUUID()}`), 404);
      expectError(await api('GET', `${path}/not-a-uuid`), 404);
    }
    expectError(await api('PATCH', `/api/v1/customers/${randomUUID()}/consents`, { marketing: { state: 'granted', source: 'api' } }), 404);
    expectError(await api('POST', '/api/v1/customers/nope/unsubscribe', { scope: 'all' }), 404);
  });

  it('answers hundreds of malformed bodies on every write with a 4xx in the error shape, never a 5xx', async () => {
    const next = random(7);
    const writes: [string, string, unknown][] = [
      ['POST', '/api/v1/orders', ORDER],
      ['POST', '/api/v1/products', { products: [PRODUCT, { ...PRODUCT, externalId: 'p-2' }] }],
      ['POST', '/api/v1/shipments', { trackingNumber: 'FUZZ-1', carrier: 'fedex', orderNumber: '#V-1', customer: { email: 'f@example.com' } }],
      ['PATCH', `/api/v1/customers/${customerId}/consents`, { marketing: { state: 'granted', source: 'api' }, transactional: { state: 'granted', source: 'api' } }],
      ['POST', `/api/v1/customers/${customerId}/unsubscribe`, { scope: 'marketing', source: 'api' }],
    ];
    const failures: string[] = [];
    let refused = 0;
    for (let i = 0; i < 400; i++) {
      const [method, path, valid] = writes[i % writes.length];
      const body = mutate(valid, next);
      const response = await api(method, path, body === undefined ? 'null' : body);
      const shaped = response.body && typeof response.body === 'object' && 'error' in response.body;
      if (response.status === 400) refused++;
      if (response.status >= 500 || (response.status >= 400 && !shaped)) {
        failures.push(`${method} ${path} ${JSON.stringify(body).slice(0, 200)} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    // Most mutations break the body (some, like a dropped optional field, leave it valid).
    expect(refused).toBeGreaterThan(200);
    expect((await fetch(`${context.engine.url}/health`)).status).toBe(200);
  });

  it('documents every shop-data endpoint in the OpenAPI document, with request and response schemas', async () => {
    const doc = await (await fetch(`${context.engine.url}/api/docs-json`)).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/v1/orders',
        'GET /api/v1/orders',
        'GET /api/v1/orders/{id}',
        'GET /api/v1/customers',
        'GET /api/v1/customers/{id}',
        'PATCH /api/v1/customers/{id}/consents',
        'POST /api/v1/customers/{id}/unsubscribe',
        'GET /api/v1/customers/{id}/export',
        'POST /api/v1/customers/{id}/erase',
        'POST /api/v1/products',
        'GET /api/v1/products',
        'GET /api/v1/products/{id}',
        'POST /api/v1/shipments',
      ]),
    );
    const upsert = doc.paths['/api/v1/orders'].post;
    expect(JSON.stringify(upsert.requestBody)).toContain('schema');
    expect(Object.keys(upsert.responses)).toContain('200');
    expect(JSON.stringify(doc)).toContain('lineItems');
  });
});
