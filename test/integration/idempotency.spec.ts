import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb } from '../support/fixtures';

describe('Idempotency-Key on POST', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];

  async function shipmentsNumbered(merchantId: string, trackingNumber: string): Promise<number> {
    const { rows } = await testDb().query(
      `SELECT count(*)::int AS n FROM shipments WHERE merchant_id = $1 AND tracking_number = $2`,
      [merchantId, trackingNumber],
    );
    return rows[0].n;
  }

  const shipment = (trackingNumber: string, orderNumber = '#1') => ({
    trackingNumber,
    carrier: 'fedex',
    orderNumber,
    customer: { email: 'ana@example.com', name: 'Ana' },
  });

  it('answers a repeat with the first response and creates nothing new', async () => {
    const key = randomUUID();
    const first = await api('POST', '/api/v1/shipments', shipment('IDEM-1'), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const again = await api('POST', '/api/v1/shipments', shipment('IDEM-1'), { 'Idempotency-Key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await shipmentsNumbered(context.merchant.merchantId, 'IDEM-1')).toBe(1);
  });

  it('treats the same fields in another order as the same request', async () => {
    const key = randomUUID();
    const body = shipment('IDEM-ORDER');
    const first = await api('POST', '/api/v1/shipments', body, { 'Idempotency-Key': key });
    const reordered = { customer: { name: 'Ana', email: 'ana@example.com' }, orderNumber: '#1', carrier: 'fedex', trackingNumber: 'IDEM-ORDER' };
    const again = await api('POST', '/api/v1/shipments', reordered, { 'Idempotency-Key': key });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('refuses the same key with a different body, naming Idempotency-Key', async () => {
    const key = randomUUID();
    expect((await api('POST', '/api/v1/shipments', shipment('IDEM-2'), { 'Idempotency-Key': key })).status).toBe(201);
    const other = await api('POST', '/api/v1/shipments', shipment('IDEM-2-OTHER'), { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: expect.any(String), message: expect.stringContaining('Idempotency-Key') });
    expect(other.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await shipmentsNumbered(context.merchant.merchantId, 'IDEM-2-OTHER')).toBe(0);
  });

  it('keeps each merchant’s keys apart', async () => {
    const key = randomUUID();
    const other = await createMerchant();
    const mine = await api('POST', '/api/v1/shipments', shipment('IDEM-3'), { 'Idempotency-Key': key });
    const theirs = await apiClient(context.engine.url, other.apiKey)('POST', '/api/v1/shipments', shipment('IDEM-3'), {
      'Idempotency-Key': key,
    });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await shipmentsNumbered(other.merchantId, 'IDEM-3')).toBe(1);

    // Nor is another merchant's use of a key "a different body" for this merchant's use of it.
    const sharedKey = randomUUID();
    expect((await api('POST', '/api/v1/shipments', shipment('IDEM-3A'), { 'Idempotency-Key': sharedKey })).status).toBe(201);
    const theirsOther = await apiClient(context.engine.url, other.apiKey)('POST', '/api/v1/shipments', shipment('IDEM-3B'), {
      'Idempotency-Key': sharedKey,
    });
    expect(theirsOther.status).toBe(201);
    expect(await shipmentsNumbered(other.merchantId, 'IDEM-3B')).toBe(1);
  });

  it('does not burn the key on a failed request, so the client can fix and retry', async () => {
    const key = randomUUID();
    const invalid = await api('POST', '/api/v1/shipments', { carrier: 'fedex', customer: {} }, { 'Idempotency-Key': key });
    expect(invalid.status).toBe(400);
    const undetectable = await api('POST', '/api/v1/shipments', { trackingNumber: 'IDEM-4', customer: {} }, {
      'Idempotency-Key': key,
    });
    expect(undetectable.status).toBe(400);
    expect(undetectable.headers.get('idempotent-replayed')).toBeNull();

    const fixed = await api('POST', '/api/v1/shipments', shipment('IDEM-4'), { 'Idempotency-Key': key });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    expect(await shipmentsNumbered(context.merchant.merchantId, 'IDEM-4')).toBe(1);
  });

  it('does not store a conflict either: the retry gets the 409 afresh', async () => {
    expect((await api('POST', '/api/v1/shipments', shipment('IDEM-5'))).status).toBe(201);
    const key = randomUUID();
    const duplicate = await api('POST', '/api/v1/shipments', shipment('IDEM-5'), { 'Idempotency-Key': key });
    expect(duplicate.status).toBe(409);
    const retry = await api('POST', '/api/v1/shipments', shipment('IDEM-5'), { 'Idempotency-Key': key });
    expect(retry.status).toBe(409);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key longer than 255 characters with 400 naming Idempotency-Key, and accepts 255', async () => {
    const tooLong = await api('POST', '/api/v1/shipments', shipment('IDEM-6'), { 'Idempotency-Key': 'k'.repeat(256) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await shipmentsNumbered(context.merchant.merchantId, 'IDEM-6')).toBe(0);

    const longest = await api('POST', '/api/v1/shipments', shipment('IDEM-6'), { 'Idempotency-Key': 'k'.repeat(255) });
    expect(longest.status).toBe(201);
  });

  it('replays the route’s own status: 202 for a tracking-events batch', async () => {
    expect((await api('POST', '/api/v1/shipments', shipment('IDEM-7'))).status).toBe(201);
    const key = randomUUID();
    const batch = { events: [{ carrier: 'fedex', trackingNumber: 'IDEM-7', code: 'IT', occurredAt: '2026-11-24T10:00:00Z' }] };
    const first = await api('POST', '/api/v1/tracking-events', batch, { 'Idempotency-Key': key });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 0 });
    const again = await api('POST', '/api/v1/tracking-events', batch, { 'Idempotency-Key': key });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('creates one shipment when the same request races itself', async () => {
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => api('POST', '/api/v1/shipments', shipment('IDEM-RACE'), { 'Idempotency-Key': key })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses).toContain(201);
    // A repeat that arrives while the first is still running is told so (409), never served a second shipment.
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(responses.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await shipmentsNumbered(context.merchant.merchantId, 'IDEM-RACE')).toBe(1);
  });
});
