import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SHIPMENT_DELAYED, SHIPMENT_STALLED } from '@postino/flow-model';
import { DataSource, EntityManager } from 'typeorm';
import { WorkPump } from '../../../common/batching/work-pump';
import { Clock } from '../../clock/clock';
import { DomainEventRepository } from '../../domain-events/domain-event.repository';
import type { DomainEvent } from '../../domain-events/domain-event-types';
import { SeenAssignment, WatchCandidate, WatchCandidatesRepository, WatchKind } from './watch-candidates.repository';

const BATCH = 500;
/** Delays are a matter of days and stalls of hours: a minute late is on time for both. */
const SWEEP_EVERY_MS = 60_000;

interface WatchKindSpec {
  kind: WatchKind;
  claim(repository: WatchCandidatesRepository, manager: EntityManager, now: Date, limit: number): Promise<WatchCandidate[]>;
  seen: SeenAssignment;
  event(candidate: WatchCandidate): DomainEvent;
}

const WATCH_KINDS: readonly WatchKindSpec[] = [
  {
    kind: 'delayed',
    claim: (repository, manager, now, limit) => repository.claimDelayed(manager, now, limit),
    seen: 'delay_seen_for = promised_delivery_date',
    event: (c) => ({
      type: SHIPMENT_DELAYED,
      payload: { merchantId: c.merchantId, shipmentId: c.shipmentId, carrier: c.carrier, missedDate: c.key, status: c.status },
    }),
  },
  {
    kind: 'stalled',
    claim: (repository, manager, now, limit) => repository.claimStalled(manager, now, limit),
    seen: 'stall_seen_for = last_event_at',
    event: (c) => ({
      type: SHIPMENT_STALLED,
      payload: {
        merchantId: c.merchantId,
        shipmentId: c.shipmentId,
        carrier: c.carrier,
        lastScanAt: new Date(c.key).toISOString(),
        hours: c.hours!,
        status: c.status,
      },
    }),
  },
];

/**
 * Finds delayed and stalled shipments (worker engines, every minute) and writes their domain events once per
 * shipment and episode. Per kind and batch, one transaction of four statements: claim candidates from the
 * kind's partial index (SKIP LOCKED), record their episodes (a unique key: a candidate another engine or an
 * earlier sweep already recorded writes nothing), mark the shipments seen (out of the index) and append the
 * new episodes' events to the outbox, whose listener wakes the trigger matcher.
 */
@Injectable()
export class ShipmentWatchSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly pump = new WorkPump('ShipmentWatch', () => this.pass(), { batchSize: BATCH, parallelism: 1 });
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly candidates: WatchCandidatesRepository,
    private readonly domainEvents: DomainEventRepository,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.pump.wake(), SWEEP_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.pump.stop();
  }

  /** One batch of each kind; answers the larger batch, so the pump goes on while either is full. */
  async pass(limit = BATCH): Promise<number> {
    let largest = 0;
    for (const spec of WATCH_KINDS) largest = Math.max(largest, await this.sweepKind(spec, limit));
    return largest;
  }

  private sweepKind(spec: WatchKindSpec, limit: number): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async (manager) => {
      const found = await spec.claim(this.candidates, manager, now, limit);
      if (found.length === 0) return 0;
      const recorded = await this.candidates.recordEpisodes(manager, spec.kind, found, now);
      await this.candidates.markSeen(manager, spec.seen, found);
      await this.domainEvents.appendAcrossMerchants(manager, found.filter((c) => recorded.has(c.shipmentId)).map(spec.event));
      return found.length;
    });
  }
}
