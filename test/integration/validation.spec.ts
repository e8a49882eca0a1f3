import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { ApiResponse, testDb } from '../support/fixtures';

/** The one error shape of the API, and (when given) the field it names. */
function expectError(response: ApiResponse, status: number, field?: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(Object.keys(response.body).sort()).toEqual(['details', 'error', 'message']);
  expect(response.body.error).toEqual(expect.any(String));
  expect(response.body.message).toEqual(expect.any(String));
  if (field !== undefined) {
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(response.body.message).toContain(field);
  }
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('bad input gets a 4xx that names the problem, never a 5xx', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];

  async function shipmentCount(): Promise<number> {
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM shipments WHERE merchant_id = $1`, [
      context.merchant.merchantId,
    ]);
    return rows[0].n;
  }

  describe('POST /api/v1/shipments', () => {
    const valid = { trackingNumber: 'VAL-OK', carrier: 'fedex', customer: { email: 'ana@example.com' } };
    const cases: [string, unknown, string][] = [
      ['without trackingNumber', { carrier: 'fedex', customer: {} }, 'trackingNumber'],
      ['with a blank trackingNumber', { trackingNumber: '   ', carrier: 'fedex', customer: {} }, 'trackingNumber'],
      ['with a bad e-mail', { ...valid, customer: { email: 'not-an-email' } }, 'customer.email'],
      ['with a bad timezone', { ...valid, customer: { timezone: 'Mars/Olympus' } }, 'customer.timezone'],
      ['with a bad country', { ...valid, destination: { country: 'Spain' } }, 'destination.country'],
      ['with an impossible promised date', { ...valid, promisedDeliveryDate: '2026-02-30' }, 'promisedDeliveryDate'],
      ['with an unknown carrier', { ...valid, carrier: 'pigeon-post' }, 'carrier'],
      ['with an undetectable tracking number and no carrier', { trackingNumber: 'ZZZ', customer: {} }, 'carrier'],
      ['without customer', { trackingNumber: 'VAL-NC', carrier: 'fedex' }, 'customer'],
      ['with a NUL character in a text field', { ...valid, customer: { name: 'Ana\u0000' } }, 'customer.name'],
      ['with a promised date in year 0000', { ...valid, promisedDeliveryDate: '0000-01-01' }, 'promisedDeliveryDate'],
      ['with a promised date before 1970', { ...valid, promisedDeliveryDate: '1969-12-31' }, 'promisedDeliveryDate'],
    ];

    it.each(cases)('refuses a shipment %s, naming the field', async (_, body, field) => {
      const before = await shipmentCount();
      expectError(await api('POST', '/api/v1/shipments', body), 400, field);
      expect(await shipmentCount()).toBe(before);
    });

    it('names the unknown carrier and where to find the known ones', async () => {
      const response = await api('POST', '/api/v1/shipments', { ...valid, carrier: 'pigeon-post' });
      expect(response.body.message).toContain('pigeon-post');
      expect(response.body.message).toContain('/api/v1/carriers');
    });

    it('answers a duplicate with 409 and the id of the shipment that exists', async () => {
      const first = await api('POST', '/api/v1/shipments', { ...valid, trackingNumber: 'VAL-DUP' });
      expect(first.status).toBe(201);
      const again = await api('POST', '/api/v1/shipments', { ...valid, trackingNumber: 'VAL-DUP' });
      expectError(again, 409);
      expect(again.body.details).toEqual({ id: first.body.id });
    });
  });

  describe('POST /api/v1/tracking-events envelope', () => {
    const event = { carrier: 'fedex', trackingNumber: 'VAL-EV', code: 'IT', occurredAt: '2026-11-24T10:00:00Z' };

    it('refuses events that are not an array', async () => {
      expectError(await api('POST', '/api/v1/tracking-events', { events: event }), 400, 'events');
    });

    it('refuses an empty batch', async () => {
      expectError(await api('POST', '/api/v1/tracking-events', { events: [] }), 400, 'events');
    });

    it('refuses a batch of 1,001 events whole, and stores none of them', async () => {
      const events = Array.from({ length: 1001 }, (_, i) => ({ ...event, trackingNumber: `VAL-BIG-${i}` }));
      const response = await api('POST', '/api/v1/tracking-events', { events });
      expectError(response, 400, 'events');
      expect(response.body.message).toContain('1000');
      const { rows } = await testDb().query(
        `SELECT count(*)::int AS n FROM unmatched_tracking_events WHERE merchant_id = $1 AND tracking_number LIKE 'VAL-BIG-%'`,
        [context.merchant.merchantId],
      );
      expect(rows[0].n).toBe(0);
    });

    it('accepts a batch of exactly 1,000 events', async () => {
      const events = Array.from({ length: 1000 }, (_, i) => ({ ...event, trackingNumber: `VAL-MAX-${i}` }));
      const response = await api('POST', '/api/v1/tracking-events', { events });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ accepted: 1000, rejected: [] });
    });

    it('refuses an event with a NUL character (PostgreSQL cannot store it), naming the event and field', async () => {
      const events = [event, { ...event, description: 'Scan\u0000' }];
      expectError(await api('POST', '/api/v1/tracking-events', { events }), 400, 'events.1.description');
    });

    it('refuses a bare array instead of the { events } envelope', async () => {
      expectError(await api('POST', '/api/v1/tracking-events', [event]), 400);
    });
  });

  describe('the request itself', () => {
    it('refuses malformed JSON with 400', async () => {
      const response = await api('POST', '/api/v1/shipments', '{"trackingNumber": "X",');
      expectError(response, 400);
      expect(response.body.message).toMatch(/JSON/);
    });

    it('refuses a body over the 2mb limit with 413 in the error shape', async () => {
      const huge = JSON.stringify({ trackingNumber: 'VAL-HUGE', carrier: 'fedex', customer: { name: 'x'.repeat(3 * 1024 * 1024) } });
      const response = await api('POST', '/api/v1/shipments', huge);
      expectError(response, 413);
      expect(response.body.message).toContain('2mb');
    });

    it('refuses NUL characters in any stored text, naming the field', async () => {
      expectError(await api('POST', '/api/v1/email-templates', { name: 'Shipped\u0000' }), 400, 'name');
      const flow = await api('POST', '/api/v1/flows', { name: 'NUL key', definition: { nodes: [], edges: [], 'x\u0000': 1 } });
      expectError(flow, 400, 'definition.x\\u0000');
    });

    it('answers 404 to an unknown id and to a malformed one alike', async () => {
      for (const path of ['/api/v1/shipments', '/api/v1/email-templates', '/api/v1/flows', '/api/v1/outbox']) {
        expectError(await api('GET', `${path}/${randomUUID()}`), 404);
        expectError(await api('GET', `${path}/not-a-uuid`), 404);
      }
      expectError(await api('GET', '/api/v1/no-such-thing'), 404);
    });
  });

  describe('list queries', () => {
    it('refuses an unknown status filter, naming status and the allowed values', async () => {
      const response = await api('GET', '/api/v1/shipments?status=bogus');
      expectError(response, 400, 'status');
      expect(response.body.message).toContain('out_for_delivery');
    });

    it('refuses a limit out of range', async () => {
      expectError(await api('GET', '/api/v1/shipments?limit=0'), 400, 'limit');
      expectError(await api('GET', '/api/v1/shipments?limit=abc'), 400, 'limit');
    });

    it.each([
      ['garbage', 'not-a-cursor'],
      ['a cursor with a non-UUID id', cursorOf(['2026-01-01T00:00:00.000000Z', 'nope'])],
      ['a cursor with a time Postgres cannot read', cursorOf(['1', randomUUID()])],
      ['a cursor with a day that does not exist', cursorOf(['2026-02-30T00:00:00.000000Z', randomUUID()])],
      ['a cursor in year zero', cursorOf(['0000-01-01T00:00:00.000000Z', randomUUID()])],
      ['a cursor of the wrong shape', cursorOf({ createdAt: '2026-01-01T00:00:00Z' })],
    ])('refuses %s with 400 naming cursor', async (_, cursor) => {
      expectError(await api('GET', `/api/v1/shipments?cursor=${encodeURIComponent(cursor)}`), 400, 'cursor');
    });

    it('still pages with the cursors it hands out', async () => {
      for (const n of [1, 2, 3]) await api('POST', '/api/v1/shipments', { trackingNumber: `VAL-PAGE-${n}`, carrier: 'fedex', customer: {} });
      const first = await api('GET', '/api/v1/shipments?q=VAL-PAGE&limit=2');
      expect(first.body.items).toHaveLength(2);
      const second = await api('GET', `/api/v1/shipments?q=VAL-PAGE&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.status).toBe(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
    });

    it('refuses a bad outbox cursor with 400 naming cursor', async () => {
      expectError(await api('GET', '/api/v1/outbox?cursor=zz'), 400, 'cursor');
    });

    it('refuses a message list without a valid shipmentId, naming it', async () => {
      expectError(await api('GET', '/api/v1/messages'), 400, 'shipmentId');
      expectError(await api('GET', '/api/v1/messages?shipmentId=42'), 400, 'shipmentId');
    });

    it('refuses a search with a NUL character, naming q', async () => {
      expectError(await api('GET', `/api/v1/shipments?q=${encodeURIComponent('a\u0000b')}`), 400, 'q');
    });
  });

  // Inputs a crash-and-fuzz run against `npm start` turned into 5xx answers.
  describe('hostile input', () => {
    const event = { carrier: 'fedex', code: 'IT', occurredAt: '2026-11-24T10:00:00Z' };

    it.each([['0000-01-01T00:00:00Z'], ['1969-12-31T23:59:59Z'], ['0001-01-01T00:00:00+01:00']])(
      'rejects an event at %s alone, and applies the valid event beside it',
      async (occurredAt) => {
        const trackingNumber = `VAL-Y0-${randomUUID().slice(0, 8)}`;
        const shipment = await api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', customer: {} });
        expect(shipment.status).toBe(201);
        const response = await api('POST', '/api/v1/tracking-events', {
          events: [{ ...event, trackingNumber, occurredAt }, { ...event, trackingNumber }],
        });
        expect(response.status, JSON.stringify(response.body)).toBe(202);
        expect(response.body).toMatchObject({ accepted: 1, rejected: [{ index: 0, reason: expect.stringContaining('occurredAt') }] });
        const { rows } = await testDb().query(`SELECT occurred_at FROM tracking_events WHERE shipment_id = $1`, [shipment.body.id]);
        expect(rows).toEqual([{ occurred_at: new Date(event.occurredAt) }]);
      },
    );

    it('refuses a lone UTF-16 surrogate anywhere in a JSON body (PostgreSQL cannot store it), naming the field', async () => {
      expectError(await api('POST', '/api/v1/email-templates', '{"name": "Shipped \\ud800"}'), 400, 'name');
      const flow = '{"name": "Lone", "definition": {"nodes": [{"id": "a", "config": {"subject": "x\\udc00y"}}], "edges": []}}';
      expectError(await api('POST', '/api/v1/flows', flow), 400, 'definition.nodes.0.config.subject');
      expectError(await api('POST', '/api/v1/flows', '{"name": "Key", "definition": {"\\ud83d": 1}}'), 400, 'definition.\\ud83d');
      // A surrogate pair is a real character (here U+1F4E6, a package).
      const pair = await api('POST', '/api/v1/email-templates', '{"name": "Shipped \\ud83d\\udce6"}');
      expect(pair.status, JSON.stringify(pair.body)).toBe(201);
      expect(pair.body.name).toBe('Shipped \u{1F4E6}');
    });

    /** `{"name": …, "definition": {"a": {"a": … 1}}}` with `levels` objects under definition. */
    const deepFlow = (levels: number) => `{"name": "Deep", "definition": ${'{"a": '.repeat(levels)}1${'}'.repeat(levels)}}`;
    // The body is level 1 and definition level 2: the first object past level 64 is 63 "a"s down.
    const firstTooDeep = ['definition', ...Array<string>(63).fill('a')].join('.');

    it('refuses a body nested 5,000 levels deep, naming where it goes past the limit of 64', async () => {
      const response = await api('POST', '/api/v1/flows', deepFlow(5000));
      expectError(response, 400, firstTooDeep);
      expect(response.body.message).toContain('64');
      const array = await api('POST', '/api/v1/tracking-events', `{"events": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
      expectError(array, 400, ['events', ...Array<string>(63).fill('0')].join('.'));
    });

    it('accepts a body exactly 64 levels deep', async () => {
      const response = await api('POST', '/api/v1/email-templates', `{"name": "Deep enough", "x": ${'['.repeat(63)}${']'.repeat(63)}}`);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    });

    it('refuses a 10,000-deep body with an Idempotency-Key with 400, and the key stays free', async () => {
      const key = `deep-${randomUUID()}`;
      expectError(await api('POST', '/api/v1/flows', deepFlow(10_000), { 'idempotency-key': key }), 400, firstTooDeep);
      const retry = await api('POST', '/api/v1/flows', { name: 'Shallow', definition: { nodes: [], edges: [] } }, { 'idempotency-key': key });
      expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    });

    it.each([['%00'], ['abc%00def'], [`${'A'.repeat(32)}%00`]])('answers the tracking page /t/%s with 404', async (token) => {
      const response = await fetch(`${context.engine.url}/t/${token}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    });
  });
});
