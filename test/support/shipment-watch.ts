import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import { ShopDataService } from '../../apps/engine/src/modules/shop-data/shop-data.service';
import { ShipmentWatchSweeper } from '../../apps/engine/src/modules/shipment-watch/sweeper/shipment-watch.sweeper';
import { apiClient, testDb } from './fixtures';
import { publishFlow, publishTemplate } from './flows';

type Api = ReturnType<typeof apiClient>;

const HOUR = 3600_000;

/** Several engines sharing one moved time, swept at once as worker engines would. */
export class WatchedEngines {
  constructor(readonly engines: RunningEngine[]) {}

  now(): Date {
    return this.engines[0].app.get(Clock).now();
  }

  moveTo(at: Date): void {
    for (const engine of this.engines) {
      const clock = engine.app.get(Clock);
      clock.advance(at.getTime() - clock.now().getTime());
    }
  }

  advanceHours(hours: number): void {
    this.moveTo(new Date(this.now().getTime() + hours * HOUR));
  }

  /** Two passes per engine at the same time, then passes until one comes back short (older rows of other tests). */
  async sweep(): Promise<void> {
    const sweepers = this.engines.map((engine) => engine.app.get(ShipmentWatchSweeper));
    await Promise.all(sweepers.flatMap((sweeper) => [sweeper.pass(), sweeper.pass()]));
    while ((await sweepers[0].pass()) === 500);
  }
}

/** Publishes "trigger → (nodes in between) → send an e-mail" with the given watch trigger. */
export async function publishWatchFlow(
  api: Api,
  trigger: { type: 'shipment_delayed' | 'shipment_stalled'; config?: Record<string, unknown> },
  before: { type: string; config: Record<string, unknown> }[] = [],
): Promise<string> {
  const templateId = await publishTemplate(api, `${trigger.type} notice`, { subject: `${trigger.type}: {{ shipment.tracking_number }}` });
  const middle = before.map((node, index) => ({ id: `step${index + 1}`, ...node }));
  const chain = ['trigger', ...middle.map((node) => node.id), 'email'];
  return publishFlow(api, `On ${trigger.type}`, {
    nodes: [{ id: 'trigger', type: trigger.type, config: trigger.config ?? { carriers: [] } }, ...middle, { id: 'email', type: 'send_email', config: { templateId } }],
    edges: chain.slice(1).map((to, index): [string, string, string] => [chain[index], 'next', to]),
  });
}

/** A shipment of `carrier` for a customer of its own, with a first carrier scan (in transit) at `scannedAt`. */
export async function scannedShipment(
  api: Api,
  options: { trackingNumber: string; carrier: string; scannedAt: Date; promisedDeliveryDate?: string },
): Promise<string> {
  const created = await api('POST', '/api/v1/shipments', {
    trackingNumber: options.trackingNumber,
    carrier: options.carrier,
    customer: { email: `${options.trackingNumber.toLowerCase()}@example.com` },
    promisedDeliveryDate: options.promisedDeliveryDate,
  });
  if (created.status !== 201) throw new Error(`shipment not created: ${JSON.stringify(created.body)}`);
  await scan(api, options.carrier, options.trackingNumber, IN_TRANSIT_CODE[options.carrier], options.scannedAt);
  return created.body.id;
}

/** An in-transit code of each carrier the tests use. */
export const IN_TRANSIT_CODE: Record<string, string> = { fedex: 'IT', usps: '10', 'dhl-express': 'PL' };

export async function scan(api: Api, carrier: string, trackingNumber: string, code: string, at: Date): Promise<void> {
  const answer = await api('POST', '/api/v1/tracking-events', { events: [{ carrier, trackingNumber, code, occurredAt: at.toISOString() }] });
  if (answer.status !== 202 || answer.body.accepted !== 1) throw new Error(`scan not accepted: ${JSON.stringify(answer.body)}`);
}

/** A new promised date, through the one write path of shop data (as a shop's fulfillment update would). */
export async function promiseAgain(engine: RunningEngine, merchantId: string, shipment: { trackingNumber: string; carrier: string }, date: string) {
  await engine.app
    .get(ShopDataService)
    .apply(merchantId, { shipments: [{ ...shipment, promisedDeliveryDate: date }] }, { source: 'api' });
}

/** The watch events written for a shipment, oldest first. */
export async function watchEventsOf(shipmentId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  const { rows } = await testDb().query(
    `SELECT type, payload FROM domain_events
      WHERE payload->>'shipmentId' = $1 AND type IN ('shipment.delayed', 'shipment.stalled') ORDER BY created_at`,
    [shipmentId],
  );
  return rows;
}

/** The runs of a shipment and, per run, its message's state and skip reason. */
export async function runsOf(shipmentId: string): Promise<{ runId: string; state: string | null; skipReason: string | null }[]> {
  const { rows } = await testDb().query(
    `SELECT r.id AS "runId", m.state, m.skip_reason AS "skipReason"
       FROM flow_runs r LEFT JOIN messages m ON m.run_id = r.id WHERE r.shipment_id = $1 ORDER BY r.created_at`,
    [shipmentId],
  );
  return rows;
}
