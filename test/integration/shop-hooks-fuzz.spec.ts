import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { parseJsonKeepingLongIntegers } from '../../apps/engine/src/modules/shop-integrations/exact-json';
import { startTestEngine } from '../support/engine';
import { createMerchant, logIn, sessionClient, TestMerchant, testDb } from '../support/fixtures';
import { fixtureBytes, HookDelivery, HookPlatform, postHook, signatureOf } from '../support/shop-hooks';

// Deterministic: a failure reproduces with the same seed.
const SEED = 0x5eed2026;
const BODY_LIMIT_BYTES = 64 * 1024;
const CONCURRENCY = 16;
const VALID_DELIVERIES = 30;
const LONG_INTEGER = '9'.repeat(400);

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

/** Known topics and their fixtures; the required fields of each, with values that can never be valid there. */
const TOPICS: { platform: HookPlatform; topic: string; fixture: string; wrong: Record<string, unknown[]> }[] = [
  {
    platform: 'shopify',
    topic: 'orders/create',
    fixture: 'orders-create',
    wrong: {
      id: [null, {}, [], true],
      name: [null, {}, [], '   '],
      created_at: ['yesterday', '2026-13-45T00:00:00Z', 5, null],
      currency: ['ZZZ', 'euro', 1, null],
      total_price: ['lots', '-5', {}, null],
      line_items: ['none', {}, [{}], null],
    },
  },
  { platform: 'shopify', topic: 'fulfillments/create', fixture: 'fulfillments-create', wrong: { id: [null, {}, []], tracking_numbers: ['x', {}, [1, 2]] } },
  { platform: 'shopify', topic: 'products/update', fixture: 'products-update', wrong: { id: [null, {}], title: [null, '', 7], variants: ['x', [{ price: 'free' }]] } },
  { platform: 'shopify', topic: 'customers/update', fixture: 'customers-update', wrong: { email: ['not-an-address', 12, {}], accepts_marketing: ['yes'] } },
  {
    platform: 'shopify',
    topic: 'customers_email_marketing_consent/update',
    fixture: 'customers-email-marketing-consent-update',
    wrong: { email_marketing_consent: [null, 'subscribed', { consent_updated_at: 'soon' }] },
  },
  {
    platform: 'woocommerce',
    topic: 'order.created',
    fixture: 'order-created',
    wrong: {
      number: [null, {}, true],
      date_created_gmt: ['2026-11-27 09:28:02', '2026-11-27T09:28:02+01:00', null],
      total: ['abc', {}, null],
      currency: ['ZZZ', null],
      line_items: ['x', null, [{}]],
      billing: [{ email: 'not-an-address' }, 'billing'],
    },
  },
  { platform: 'woocommerce', topic: 'product.updated', fixture: 'product-updated', wrong: { id: [null, {}], name: [null, '', {}], tags: ['x', [{}]] } },
];

type Expectation = { kind: string; status: number } | { kind: 'valid'; deliveryId: string };

interface Shop {
  merchant: TestMerchant;
  platform: HookPlatform;
  integrationId: string;
  secret: string;
}

/** Every string value's path in a JSON value, to corrupt one. */
function stringPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === 'string') out.push(path);
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) stringPaths(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

function setAt(root: any, path: (string | number)[], value: unknown): void {
  let at = root;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]] = value;
}

describe('shop hooks under fuzzing: thousands of malformed, truncated, oversized, wrongly signed and replayed deliveries', () => {
  let engine: RunningEngine;
  const shops = {} as Record<HookPlatform, Shop>;

  beforeAll(async () => {
    engine = await startTestEngine({ BODY_LIMIT: `${BODY_LIMIT_BYTES / 1024}kb` });
    for (const platform of ['shopify', 'woocommerce'] as const) {
      const merchant = await createMerchant();
      const owner = sessionClient(engine.url, await logIn(engine.url, merchant.email, merchant.password));
      const created = await owner('POST', '/api/v1/settings/integrations', { platform, name: 'Fuzzed', currency: 'EUR' });
      shops[platform] = { merchant, platform, integrationId: created.body.id, secret: created.body.secret };
    }
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('never answers 5xx, answers each bad delivery with its 4xx, stores nothing for them, applies each valid one once', async () => {
    const random = prng(SEED);
    const requests: { shop: Shop; integrationId?: string; delivery: HookDelivery; expect: Expectation }[] = [];
    const signedBad = { shopify: 0, woocommerce: 0 };

    const add = (count: number, make: () => (typeof requests)[number]) => {
      for (let i = 0; i < count; i++) requests.push(make());
    };
    const topic = () => random.pick(TOPICS);
    const signedBadly = (kind: string, status = 400) => {
      const t = topic();
      return { t, shop: shops[t.platform], expect: { kind, status } };
    };
    const payloadOf = (t: (typeof TOPICS)[number]) => parseJsonKeepingLongIntegers(fixtureBytes(t.platform, t.fixture).toString('utf8')) as any;

    add(450, () => {
      const { t, shop, expect } = signedBadly('truncated');
      const bytes = fixtureBytes(t.platform, t.fixture);
      signedBad[t.platform]++;
      return { shop, delivery: { topic: t.topic, body: bytes.subarray(0, random.int(bytes.length - 1)) }, expect };
    });
    add(300, () => {
      const { t, shop, expect } = signedBadly('garbage');
      const body = Buffer.from(Array.from({ length: random.int(2000) }, () => random.int(256)));
      signedBad[t.platform]++;
      return { shop, delivery: { topic: t.topic, body }, expect };
    });
    add(650, () => {
      const { t, shop, expect } = signedBadly('malformed');
      let payload = payloadOf(t);
      const mutation = random.pick(['wrong field', 'wrong field', 'nul', 'lone surrogate', 'too deep', 'not an object', 'long integers']);
      if (mutation === 'wrong field') {
        const field = random.pick(Object.keys(t.wrong));
        payload[field] = random.pick(t.wrong[field]);
      } else if (mutation === 'nul' || mutation === 'lone surrogate') {
        const path = random.pick(stringPaths(payload));
        setAt(payload, path, `${random.int(2) ? 'x' : ''}${mutation === 'nul' ? '\u0000' : '\ud800'}y`);
      } else if (mutation === 'too deep') {
        let nested: unknown = [];
        for (let depth = 65 + random.int(500); depth > 0; depth--) nested = [nested];
        payload.note = nested;
      } else if (mutation === 'not an object') {
        payload = random.pick([[], 42, 'order', null, true, [payload]]);
      } else {
        // A 400-digit integer where an id, text or object belongs: read exactly, as text, and refused.
        payload[Object.keys(t.wrong)[0]] = LONG_INTEGER;
      }
      signedBad[t.platform]++;
      const text = JSON.stringify(payload).replace(`"${LONG_INTEGER}"`, LONG_INTEGER);
      return { shop, delivery: { topic: t.topic, body: Buffer.from(text) }, expect: { ...expect, kind: `malformed: ${mutation}` } };
    });
    add(150, () => {
      const { t, shop, expect } = signedBadly('bad headers');
      signedBad[t.platform]++;
      const which = random.pick(['no topic', 'topic too long', 'no delivery id']);
      const headers: Record<string, string> = {};
      if (which === 'no delivery id') headers[t.platform === 'shopify' ? 'X-Shopify-Webhook-Id' : 'X-WC-Webhook-Delivery-ID'] = ' ';
      const topicHeader = which === 'no topic' ? '' : which === 'topic too long' ? 'orders/'.repeat(50) : t.topic;
      return { shop, delivery: { topic: topicHeader, body: fixtureBytes(t.platform, t.fixture), headers }, expect: { ...expect, kind: which } };
    });
    add(400, () => {
      const t = topic();
      const shop = shops[t.platform];
      const body = fixtureBytes(t.platform, t.fixture);
      const signature = random.pick([
        null,
        '',
        'not base64 at all!',
        signatureOf(body, `${shop.secret}x`),
        signatureOf(body.subarray(0, body.length - 1), shop.secret),
        signatureOf(body, shops[t.platform === 'shopify' ? 'woocommerce' : 'shopify'].secret),
        Buffer.from(Array.from({ length: 32 }, () => random.int(256))).toString('base64'),
      ]);
      return { shop, delivery: { topic: t.topic, body, signature }, expect: { kind: 'wrongly signed', status: 401 } };
    });
    add(80, () => {
      const t = topic();
      const body = Buffer.alloc(BODY_LIMIT_BYTES + 1 + random.int(10_000), '{');
      return { shop: shops[t.platform], delivery: { topic: t.topic, body }, expect: { kind: 'oversized', status: 413 } };
    });
    add(150, () => {
      const t = topic();
      const integrationId = random.pick([randomUUID(), 'not-a-uuid', `${randomUUID()}x`, shops[t.platform === 'shopify' ? 'woocommerce' : 'shopify'].integrationId]);
      return { shop: shops[t.platform], integrationId, delivery: { topic: t.topic, body: fixtureBytes(t.platform, t.fixture) }, expect: { kind: 'unknown integration', status: 404 } };
    });
    // Valid deliveries, each sent several times with the same delivery id, interleaved with everything else.
    for (let i = 0; i < VALID_DELIVERIES; i++) {
      const platform = i % 2 === 0 ? 'shopify' : 'woocommerce';
      const payload = payloadOf(TOPICS.find((t) => t.platform === platform && t.topic.startsWith('order')) as (typeof TOPICS)[number]);
      if (platform === 'shopify') payload.name = `#FUZZ-${i}`;
      else payload.number = `FUZZ-${i}`;
      const delivery = { topic: platform === 'shopify' ? 'orders/create' : 'order.created', body: Buffer.from(JSON.stringify(payload)), deliveryId: randomUUID() };
      add(2 + random.int(9), () => ({ shop: shops[platform], delivery, expect: { kind: 'valid', deliveryId: delivery.deliveryId } }));
    }
    // Shuffle (Fisher–Yates): replays race each other and the bad deliveries.
    for (let i = requests.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [requests[i], requests[j]] = [requests[j], requests[i]];
    }
    expect(requests.length).toBeGreaterThan(2300);

    const answers: { status: number; outcome?: string; error?: string }[] = new Array(requests.length);
    let cursor = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (cursor < requests.length) {
          const index = cursor++;
          const { shop, integrationId, delivery } = requests[index];
          const answer = await postHook(engine.url, shop.platform, integrationId ?? shop.integrationId, shop.secret, delivery);
          answers[index] = { status: answer.status, outcome: answer.body?.outcome, error: answer.body?.error };
        }
      }),
    );

    const serverErrors = answers.flatMap((a, i) => (a.status >= 500 ? [`${requests[i].expect.kind}: ${a.status}`] : []));
    expect(serverErrors).toEqual([]);
    const mismatches = answers.flatMap((a, i) => {
      const expected = requests[i].expect;
      const wanted = 'status' in expected ? expected.status : 200;
      return a.status === wanted ? [] : [`${expected.kind}: expected ${wanted}, got ${a.status} ${a.error ?? ''}`];
    });
    expect(mismatches.slice(0, 20), `${mismatches.length} mismatches`).toEqual([]);

    // Each valid delivery applied exactly once, its replays answered as duplicates.
    const byDelivery = new Map<string, string[]>();
    answers.forEach((a, i) => {
      const expected = requests[i].expect;
      if (expected.kind === 'valid' && 'deliveryId' in expected) byDelivery.set(expected.deliveryId, [...(byDelivery.get(expected.deliveryId) ?? []), a.outcome ?? '?']);
    });
    expect(byDelivery.size).toBe(VALID_DELIVERIES);
    for (const outcomes of byDelivery.values()) {
      expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
      expect(outcomes.filter((o) => o !== 'applied').every((o) => o === 'duplicate')).toBe(true);
    }

    // Nothing stored for the bad ones: only the valid orders (and their one customer per shop), one delivery row each.
    for (const shop of Object.values(shops)) {
      const { rows } = await testDb().query(
        `SELECT (SELECT count(*) FROM orders WHERE merchant_id = $1)::int AS orders,
                (SELECT count(*) FROM orders WHERE merchant_id = $1 AND number LIKE '%FUZZ-%')::int AS "fuzzOrders",
                (SELECT count(*) FROM customers WHERE merchant_id = $1)::int AS customers,
                (SELECT count(*) FROM products WHERE merchant_id = $1)::int AS products,
                (SELECT count(*) FROM shipments WHERE merchant_id = $1)::int AS shipments,
                (SELECT count(*) FROM webhook_deliveries WHERE merchant_id = $1)::int AS deliveries,
                (SELECT count(*) FROM domain_events WHERE merchant_id = $1 AND type = 'order.created')::int AS "ordersCreated"`,
        [shop.merchant.merchantId],
      );
      const valid = VALID_DELIVERIES / 2;
      expect(rows[0], shop.platform).toEqual({ orders: valid, fuzzOrders: valid, customers: 1, products: 0, shipments: 0, deliveries: valid, ordersCreated: valid });
      const { rows: counters } = await testDb().query(`SELECT failed_count::int AS failed FROM shop_integrations WHERE id = $1`, [shop.integrationId]);
      expect(counters[0].failed, `${shop.platform}: refused deliveries with a valid signature are counted`).toBe(signedBad[shop.platform]);
    }

    const health = await fetch(`${engine.url}/health`);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe('ok');
  });
});
