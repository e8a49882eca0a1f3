import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { WatchCandidatesRepository } from '../../apps/engine/src/modules/shipment-watch/sweeper/watch-candidates.repository';
import { EngineWithMerchant, startTestEngine, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, createUser, logIn, sessionClient, testDb, waitFor } from '../support/fixtures';
import {
  IN_TRANSIT_CODE,
  promiseAgain,
  publishWatchFlow,
  runsOf,
  scan,
  scannedShipment,
  WatchedEngines,
  watchEventsOf,
} from '../support/shipment-watch';

type Api = EngineWithMerchant['api'];

/** A Monday, far past what other test files set their clocks to, so only this file's shipments are recent. */
const T0 = new Date('2028-03-06T10:00:00Z');

/**
 * Delays and stalls on the running stack: the sweeper of two worker engines, sweeping at once and again, writes
 * each episode's event once; a flow with either trigger sends its e-mail, and skips it when a scan came first.
 */
describe('shipment watch', () => {
  const context = useEngineWithMerchant();
  let second: RunningEngine;
  let watched: WatchedEngines;

  beforeAll(async () => {
    second = await startTestEngine();
    watched = new WatchedEngines([context.engine, second]);
    watched.moveTo(T0);
  });
  afterAll(async () => second?.close());

  async function newMerchant() {
    const merchant = await createMerchant();
    return { merchant, api: apiClient(context.engine.url, merchant.apiKey) };
  }

  const sent = (shipmentId: string, count = 1) =>
    waitFor(
      async () => {
        const runs = await runsOf(shipmentId);
        return runs.length >= count && runs.every((run) => run.state === 'sent' || run.state === 'skipped') && runs;
      },
      15_000,
      `${count} message(s) of ${shipmentId} settled`,
    );

  describe('delays', () => {
    let api: Api;
    let merchantId: string;

    beforeAll(async () => {
      ({ api, merchant: { merchantId } } = await newMerchant());
      await publishWatchFlow(api, { type: 'shipment_delayed' });
    });

    it('writes one delayed event and starts one run once the promised date passed, however many sweeps and engines', async () => {
      const id = await scannedShipment(api, { trackingNumber: 'LATE-1', carrier: 'fedex', scannedAt: watched.now(), promisedDeliveryDate: '2028-03-06' });

      await watched.sweep();
      expect(await watchEventsOf(id)).toEqual([]);

      watched.moveTo(new Date('2028-03-07T00:30:00Z'));
      await watched.sweep();
      await watched.sweep();

      expect(await watchEventsOf(id)).toEqual([
        { type: 'shipment.delayed', payload: { merchantId, shipmentId: id, carrier: 'fedex', missedDate: '2028-03-06', status: 'in_transit' } },
      ]);
      expect(await sent(id)).toEqual([expect.objectContaining({ state: 'sent' })]);
      const { rows } = await testDb().query(`SELECT episode_key FROM shipment_watch_episodes WHERE shipment_id = $1 AND kind = 'delayed'`, [id]);
      expect(rows).toEqual([{ episode_key: '2028-03-06' }]);
    });

    it('makes a second episode of a new promised date once that one passes too', async () => {
      const id = await scannedShipment(api, { trackingNumber: 'LATE-2', carrier: 'fedex', scannedAt: watched.now(), promisedDeliveryDate: '2028-03-06' });
      await watched.sweep();
      await sent(id);

      await promiseAgain(context.engine, merchantId, { trackingNumber: 'LATE-2', carrier: 'fedex' }, '2028-03-08');
      await watched.sweep();
      expect((await watchEventsOf(id)).length).toBe(1);

      watched.moveTo(new Date('2028-03-09T00:30:00Z'));
      await watched.sweep();
      expect((await watchEventsOf(id)).map((e) => e.payload.missedDate)).toEqual(['2028-03-06', '2028-03-08']);
      expect(await sent(id, 2)).toHaveLength(2);
    });

    it('never flags a delivered shipment', async () => {
      const id = await scannedShipment(api, { trackingNumber: 'ONTIME-1', carrier: 'fedex', scannedAt: watched.now(), promisedDeliveryDate: '2028-03-09' });
      await scan(api, 'fedex', 'ONTIME-1', 'DL', watched.now());

      watched.moveTo(new Date('2028-03-10T00:30:00Z'));
      await watched.sweep();
      expect(await watchEventsOf(id)).toEqual([]);
      expect((await runsOf(id)).length).toBe(0);
    });

    it('counts the date in the shop’s time zone', async () => {
      const shop = await newMerchant();
      expect((await shop.api('PUT', '/api/v1/settings/sending-policy', { timezone: 'America/Los_Angeles', quietHours: null, frequencyCaps: [] })).status).toBe(200);
      const id = await scannedShipment(shop.api, { trackingNumber: 'LA-1', carrier: 'fedex', scannedAt: watched.now(), promisedDeliveryDate: '2028-03-10' });

      // 23:30 on the 10th in Los Angeles (PST, UTC-8), already the 11th in UTC.
      watched.moveTo(new Date('2028-03-11T07:30:00Z'));
      await watched.sweep();
      expect(await watchEventsOf(id)).toEqual([]);

      watched.moveTo(new Date('2028-03-11T08:30:00Z'));
      await watched.sweep();
      expect((await watchEventsOf(id)).map((e) => e.payload.missedDate)).toEqual(['2028-03-10']);
    });
  });

  describe('stalls', () => {
    it('flags a shipment after its carrier’s hours without a scan, once, and a new scan starts the count again', async () => {
      const { api, merchant } = await newMerchant();
      await publishWatchFlow(api, { type: 'shipment_stalled' });
      const start = watched.now();
      const fedex = await scannedShipment(api, { trackingNumber: 'QUIET-FX', carrier: 'fedex', scannedAt: start });
      const usps = await scannedShipment(api, { trackingNumber: 'QUIET-US', carrier: 'usps', scannedAt: start });

      watched.advanceHours(47);
      await watched.sweep();
      expect(await watchEventsOf(fedex)).toEqual([]);

      // FedEx stalls after 48 hours, USPS after 96.
      watched.advanceHours(2);
      await watched.sweep();
      await watched.sweep();
      expect(await watchEventsOf(fedex)).toEqual([
        {
          type: 'shipment.stalled',
          payload: { merchantId: merchant.merchantId, shipmentId: fedex, carrier: 'fedex', lastScanAt: start.toISOString(), hours: 48, status: 'in_transit' },
        },
      ]);
      expect(await watchEventsOf(usps)).toEqual([]);
      expect(await sent(fedex)).toEqual([expect.objectContaining({ state: 'sent' })]);

      const rescan = watched.now();
      await scan(api, 'fedex', 'QUIET-FX', IN_TRANSIT_CODE.fedex, rescan);
      watched.advanceHours(46);
      await watched.sweep();
      expect((await watchEventsOf(fedex)).length).toBe(1);
      expect(await watchEventsOf(usps)).toEqual([]);

      watched.advanceHours(3);
      await watched.sweep();
      expect((await watchEventsOf(fedex)).map((e) => e.payload.lastScanAt)).toEqual([start.toISOString(), rescan.toISOString()]);
      expect((await watchEventsOf(usps)).map((e) => e.payload.hours)).toEqual([96]);
    });

    it('follows the shop’s thresholds over the carriers’ defaults', async () => {
      const { api, merchant } = await newMerchant();
      const owner = sessionClient(context.engine.url, await logIn(context.engine.url, merchant.email, merchant.password));
      const put = await owner('PUT', '/api/v1/settings/shipment-watch', { stallAfterHours: 30, stallAfterHoursByCarrier: { usps: 60 } });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body.effective).toEqual({ default: 30, carriers: { 'dhl-express': 30, fedex: 30, usps: 60 } });

      const start = watched.now();
      const dhl = await scannedShipment(api, { trackingNumber: 'SHOP-DHL', carrier: 'dhl-express', scannedAt: start });
      const usps = await scannedShipment(api, { trackingNumber: 'SHOP-US', carrier: 'usps', scannedAt: start });

      watched.advanceHours(31);
      await watched.sweep();
      expect((await watchEventsOf(dhl)).map((e) => e.payload.hours)).toEqual([30]);
      expect(await watchEventsOf(usps)).toEqual([]);

      watched.advanceHours(30);
      await watched.sweep();
      expect((await watchEventsOf(usps)).map((e) => e.payload.hours)).toEqual([60]);
    });

    it('skips the message when a scan arrives before it leaves', async () => {
      const { api } = await newMerchant();
      await publishWatchFlow(api, { type: 'shipment_stalled' }, [{ type: 'wait', config: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } }]);
      const id = await scannedShipment(api, { trackingNumber: 'MOVES-AGAIN', carrier: 'fedex', scannedAt: watched.now() });

      watched.advanceHours(49);
      await watched.sweep();
      await waitFor(async () => (await runsOf(id)).length === 1, 10_000, 'the stall run');
      await scan(api, 'fedex', 'MOVES-AGAIN', IN_TRANSIT_CODE.fedex, watched.now());

      watched.advanceHours(1.1);
      expect(await sent(id)).toEqual([
        expect.objectContaining({ state: 'skipped', skipReason: 'no longer true: the shipment is now in_transit' }),
      ]);
    });
  });

  describe('settings', () => {
    it('answers the carriers’ defaults until the shop sets its own', async () => {
      const { api } = await newMerchant();
      expect((await api('GET', '/api/v1/settings/shipment-watch')).body).toEqual({
        stallAfterHours: null,
        stallAfterHoursByCarrier: {},
        effective: { default: 72, carriers: { 'dhl-express': 48, fedex: 48, usps: 96 } },
      });
    });

    it('refuses a wrong threshold naming the field, and lets only an owner change them', async () => {
      const { api, merchant } = await newMerchant();
      const owner = sessionClient(context.engine.url, await logIn(context.engine.url, merchant.email, merchant.password));
      const wrong = await owner('PUT', '/api/v1/settings/shipment-watch', {
        stallAfterHours: 0,
        stallAfterHoursByCarrier: { fedex: 2.5, 'pony-express': 24, usps: 24 * 31 },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'stallAfterHours', message: 'must be at least 1 hour' }),
          expect.objectContaining({ field: 'stallAfterHoursByCarrier.fedex', message: 'must be a whole number' }),
          expect.objectContaining({ field: 'stallAfterHoursByCarrier', message: 'pony-express: must be one of dhl-express, fedex, usps' }),
          expect.objectContaining({ field: 'stallAfterHoursByCarrier.usps', message: 'must be at most 720 hours (30 days)' }),
        ]),
      );
      expect((await owner('PUT', '/api/v1/settings/shipment-watch', { stallAfterHours: 12 })).body.details).toEqual([
        expect.objectContaining({ field: 'stallAfterHoursByCarrier' }),
      ]);

      const marketer = await createUser(merchant.merchantId, 'marketer');
      const asMarketer = sessionClient(context.engine.url, await logIn(context.engine.url, marketer.email, marketer.password));
      const valid = { stallAfterHours: 12, stallAfterHoursByCarrier: {} };
      expect((await asMarketer('PUT', '/api/v1/settings/shipment-watch', valid)).status).toBe(403);
      expect((await api('PUT', '/api/v1/settings/shipment-watch', valid)).status).toBe(403);
      expect((await api('GET', '/api/v1/settings/shipment-watch')).body.stallAfterHours).toBeNull();
    });
  });

  it('finds its candidates through the partial indexes, not by reading every shipment', async () => {
    const repository = context.engine.app.get(WatchCandidatesRepository);
    const client = await testDb().connect();
    try {
      await client.query('BEGIN');
      // The planner would rightly read a small test table whole: forbid that to see which index it can use.
      await client.query('SET LOCAL enable_seqscan = off');
      const plans: string[] = [];
      const explaining = { query: async (sql: string, params: unknown[]) => plans.push(JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows)) && [] };
      await repository.claimDelayed(explaining as never, watched.now(), 500);
      await repository.claimStalled(explaining as never, watched.now(), 500);
      expect(plans[0]).toContain('shipments_delay_watch');
      expect(plans[1]).toContain('shipments_stall_watch');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
