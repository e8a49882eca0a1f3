import { nextWindowOpening } from '@postino/flow-model';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import { StepRunnerService, type StepToRun } from '../../apps/engine/src/modules/flow-engine/step-runner.service';
import { FlowVersionCache } from '../../apps/engine/src/modules/flows/flow-version.cache';
import { ShipmentRepository } from '../../apps/engine/src/modules/tracking/shipment.repository';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';
import { publishBranchingFlow, publishFlow, publishTemplate } from '../support/flows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The wait node's modes on the running stack: until the shipment reaches a status (or a timeout), and until a
 * local time window where the recipient is. Time is the engine's clock, moved by the tests; they run in order
 * because each move ages every wait of this engine.
 */
describe('wait modes', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  let scanned = Date.parse('2026-11-30T08:00:00Z');

  beforeAll(async () => {
    // In transit → wait until delivered (2 days at most) → "reached" or "timed out" e-mail.
    await publishBranchingFlow(api, {
      name: 'Until delivered',
      statuses: ['in_transit'],
      logic: { type: 'wait', config: { mode: 'status', statuses: ['delivered'], timeout: { amount: 2, unit: 'days' } } },
      ports: ['next', 'timeout'],
    });
  });

  async function ship(number: string, customer: Record<string, unknown> = {}, client = api): Promise<string> {
    const created = await client('POST', '/api/v1/shipments', {
      trackingNumber: number,
      carrier: 'fedex',
      customer: { email: `${number.toLowerCase()}@example.com`, ...customer },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** A carrier scan: IT in transit, OD out for delivery, DL delivered. */
  async function scan(number: string, code: 'IT' | 'OD' | 'DL', client = api) {
    scanned += 60_000;
    const response = await client('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: number, code, occurredAt: new Date(scanned).toISOString() }],
    });
    expect(response.status).toBe(202);
  }

  async function stepOf(shipmentId: string, nodeId = 'logic') {
    const { rows } = await testDb().query(
      `SELECT st.id, st.state, st.available_at, st.resume_port, st.exit_port, st.awaiting, st.run_id
         FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id WHERE r.shipment_id = $1 AND st.node_id = $2`,
      [shipmentId, nodeId],
    );
    return rows[0];
  }

  /**
   * The e-mail nodes the shipment's run reached (i.e. the exit it took), with what became of each message:
   * after "in transit → until delivered" the message is about the delivery, so it is sent while the shipment
   * is delivered; after the timeout it is still about "in transit".
   */
  async function sentFrom(shipmentId: string): Promise<string[]> {
    const { rows } = await testDb().query(
      `SELECT node_id, state FROM messages WHERE shipment_id = $1 AND state IN ('sent', 'skipped') ORDER BY node_id`,
      [shipmentId],
    );
    return rows.map((row) => `${row.node_id} ${row.state}`);
  }

  const waiting = (shipmentId: string) => waitFor(async () => (await stepOf(shipmentId))?.state === 'waiting' && stepOf(shipmentId), 10_000, 'a waiting step');
  const sent = (shipmentId: string, what: string) => waitFor(async () => (await sentFrom(shipmentId)).length > 0 && sentFrom(shipmentId), 15_000, what);

  it('goes on through "next" when the shipment reaches the status', async () => {
    const shipmentId = await ship('UNTIL-1');
    await scan('UNTIL-1', 'IT');
    const step = await waiting(shipmentId);
    expect(step.awaiting).toEqual({ event: { type: 'shipment.status_changed', match: { to: ['delivered'] } }, port: 'next' });
    expect(step.resume_port).toBe('timeout');

    await scan('UNTIL-1', 'OD');
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await stepOf(shipmentId)).state).toBe('waiting');

    await scan('UNTIL-1', 'DL');
    expect(await sent(shipmentId, 'the "reached" message')).toEqual(['email_next sent']);
    expect(await stepOf(shipmentId)).toMatchObject({ state: 'done', exit_port: 'next', awaiting: null });

    // A later event for the same shipment finds no waiting step: nothing moves, nothing is sent twice.
    await scan('UNTIL-1', 'DL');
    context.engine.app.get(StepRunnerService).pump.wake();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await sentFrom(shipmentId)).toEqual(['email_next sent']);
  });

  it('still resumes on the event after Redis lost every wake-up', async () => {
    const shipmentId = await ship('UNTIL-2');
    await scan('UNTIL-2', 'IT');
    await waiting(shipmentId);
    const redis = new Redis(inject('stack').redisUrl);
    await redis.flushall();
    redis.disconnect();

    await scan('UNTIL-2', 'DL');
    expect(await sent(shipmentId, 'the "reached" message')).toEqual(['email_next sent']);
  });

  it('goes on at once when the shipment already is in the status as the step runs', async () => {
    const other = apiClient(context.engine.url, (await createMerchant()).apiKey);
    const templateId = await publishTemplate(other, 'Delivered after a pause');
    // In transit → wait an hour → wait until delivered → e-mail.
    await publishFlow(other, 'Pause, then until delivered', {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        { id: 'pause', type: 'wait', config: { duration: { amount: 1, unit: 'hours' } } },
        { id: 'logic', type: 'wait', config: { mode: 'status', statuses: ['delivered'], timeout: { amount: 1, unit: 'days' } } },
        { id: 'email_next', type: 'send_email', config: { templateId } },
      ],
      edges: [['trigger', 'next', 'pause'], ['pause', 'next', 'logic'], ['logic', 'next', 'email_next']],
    });
    const shipmentId = await ship('ALREADY-1', {}, other);
    await scan('ALREADY-1', 'IT', other);
    await waitFor(async () => (await stepOf(shipmentId, 'pause'))?.state === 'waiting', 10_000, 'the pause');
    await scan('ALREADY-1', 'DL', other);

    context.engine.app.get(Clock).advance(HOUR + 1_000);
    expect(await sent(shipmentId, 'the message after the pause')).toEqual(['email_next sent']);
    expect(await stepOf(shipmentId)).toMatchObject({ state: 'done', exit_port: 'next', awaiting: null });
  });

  describe('when the status changes while the step decides to wait', () => {
    const runner = () => context.engine.app.get(StepRunnerService);

    /**
     * The wait step of a run, decided again as the runner would on `shipment` as it was read before: the step's
     * row is removed first, as if its write had not committed yet.
     */
    async function decideOnStaleShipment(shipmentId: string) {
      const step = await waiting(shipmentId);
      const { rows } = await testDb().query(
        `SELECT r.id AS "runId", r.flow_version_id AS "flowVersionId", m.publication_revision AS "publicationRevision",
                json_build_object('type', e.type, 'payload', e.payload) AS event
           FROM flow_runs r JOIN domain_events e ON e.id = r.trigger_event_id JOIN merchants m ON m.id = r.merchant_id
          WHERE r.id = $1`,
        [step.run_id],
      );
      const item: StepToRun = {
        ...rows[0],
        claimedId: null,
        merchantId: context.merchant.merchantId,
        nodeId: 'logic',
        attempts: 1,
        resumePort: null,
        shipmentId,
      };
      const keys = [{ merchantId: item.merchantId, versionId: item.flowVersionId, shipmentId }];
      const [versions, [stale]] = await Promise.all([
        context.engine.app.get(FlowVersionCache).getMany(keys),
        context.engine.app.get(ShipmentRepository).findMany(keys),
      ]);
      await testDb().query(`DELETE FROM flow_steps WHERE id = $1`, [step.id]);
      const now = context.engine.app.get(Clock).now();
      return { advance: await runner().advance([item], versions, new Map([[shipmentId, stale]]), now), now };
    }

    const handled = (shipmentId: string) =>
      waitFor(
        async () =>
          (await testDb().query(`SELECT 1 FROM domain_events WHERE payload->>'shipmentId' = $1 AND payload->>'to' = 'delivered' AND handled_at IS NOT NULL`, [shipmentId]))
            .rowCount,
        10_000,
        'the delivered event handled',
      );

    it('goes on when the event was handled before the waiting row was written', async () => {
      const shipmentId = await ship('RACE-1');
      await scan('RACE-1', 'IT');
      const { advance, now } = await decideOnStaleShipment(shipmentId);
      expect(advance.awaiting).toHaveLength(1);
      await scan('RACE-1', 'DL');
      await handled(shipmentId);

      const db = context.engine.app.get(DataSource);
      const written = await db.transaction((manager) => runner().write(manager, advance, now));
      await runner().wakeAfter(written, now);

      expect(await sent(shipmentId, 'the "reached" message')).toEqual(['email_next sent']);
      expect(await stepOf(shipmentId)).toMatchObject({ state: 'done', exit_port: 'next' });
    });

    it('makes a status change that starts meanwhile wait for the waiting row, whose event then resumes it', async () => {
      const shipmentId = await ship('RACE-2');
      await scan('RACE-2', 'IT');
      const { advance, now } = await decideOnStaleShipment(shipmentId);

      let delivered: Promise<void> | undefined;
      await context.engine.app.get(DataSource).transaction(async (manager) => {
        await runner().write(manager, advance, now);
        delivered = scan('RACE-2', 'DL');
        await new Promise((r) => setTimeout(r, 700));
        // Ingest waits for the shipment the writing transaction holds FOR SHARE.
        const { rows } = await testDb().query(`SELECT status FROM shipments WHERE id = $1`, [shipmentId]);
        expect(rows[0].status).toBe('in_transit');
      });
      await delivered;

      expect(await sent(shipmentId, 'the "reached" message')).toEqual(['email_next sent']);
      expect(await stepOf(shipmentId)).toMatchObject({ state: 'done', exit_port: 'next' });
    });
  });

  it('goes on through "timeout" when the status never comes, even after Redis lost every wake-up', async () => {
    const shipmentId = await ship('UNTIL-3');
    await scan('UNTIL-3', 'IT');
    await waiting(shipmentId);
    const redis = new Redis(inject('stack').redisUrl);
    await redis.flushall();
    redis.disconnect();

    context.engine.app.get(Clock).advance(2 * DAY + 1_000);
    expect(await sent(shipmentId, 'the "timed out" message')).toEqual(['email_timeout sent']);
    expect(await stepOf(shipmentId)).toMatchObject({ state: 'done', exit_port: 'timeout' });

    // The status arriving after the timeout changes nothing.
    await scan('UNTIL-3', 'DL');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await sentFrom(shipmentId)).toEqual(['email_timeout sent']);
  });

  it('waits until the next window opens on the recipient’s clock, then goes on', async () => {
    const merchant = await createMerchant();
    const other = apiClient(context.engine.url, merchant.apiKey);
    await testDb().query(`INSERT INTO sending_policies (merchant_id, timezone) VALUES ($1, 'Asia/Tokyo')`, [merchant.merchantId]);
    const window = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '11:00' } as const;
    await publishBranchingFlow(other, {
      name: 'Weekday mornings',
      statuses: ['in_transit'],
      logic: { type: 'wait', config: { mode: 'window', window } },
      ports: ['next'],
    });
    // The customer's own zone wins over the destination country's.
    const shipmentId = await ship('WINDOW-1', { timezone: 'America/New_York' }, other);
    await testDb().query(`UPDATE shipments SET destination_country = 'ES' WHERE id = $1`, [shipmentId]);
    // Nothing about this recipient tells a zone: the shop's is used.
    const unplaced = await ship('WINDOW-2', {}, other);
    const clock = context.engine.app.get(Clock);
    // Outside the window in New York whatever day it is now: 12:00 there.
    const noon = new Date(clock.now());
    const local = new Date(noon.toLocaleString('en-US', { timeZone: 'America/New_York' }));
    clock.advance(((12 - local.getHours() + 24) % 24) * HOUR - local.getMinutes() * 60_000);
    const expected = nextWindowOpening({ ...window, days: [...window.days] }, clock.now(), 'America/New_York');
    // Noon in New York is the small hours in Tokyo: outside the window there too.
    const expectedInTokyo = nextWindowOpening({ ...window, days: [...window.days] }, clock.now(), 'Asia/Tokyo');
    expect(expected.getTime()).toBeGreaterThan(clock.now().getTime());

    await scan('WINDOW-1', 'IT', other);
    await scan('WINDOW-2', 'IT', other);
    const step = await waiting(shipmentId);
    expect(Math.abs(new Date(step.available_at).getTime() - expected.getTime())).toBeLessThan(60_000);
    const inTokyo = await waiting(unplaced);
    expect(Math.abs(new Date(inTokyo.available_at).getTime() - expectedInTokyo.getTime())).toBeLessThan(60_000);

    clock.advance(expected.getTime() - clock.now().getTime() + 1_000);
    expect(await sent(shipmentId, 'the message in the window')).toEqual(['email_next sent']);
  });
});
