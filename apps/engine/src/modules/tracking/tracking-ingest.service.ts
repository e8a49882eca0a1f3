import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { trackingEventSchema, TrackingEventInput } from '@postino/api-contract';
import { getCarrier } from '@postino/carriers';
import { DataSource } from 'typeorm';
import { zodIssuesToDetails } from '../../common/http/zod-issues';
import { ShipmentRepository } from './shipment.repository';
import { IngestCoalescer } from './ingest-coalescer';
import { TrackingEventApplier } from './tracking-event-applier';
import { TrackingEventRepository } from './tracking-event.repository';

export interface IngestResult {
  /** Events stored now for the first time (including those kept for shipments not created yet). */
  accepted: number;
  /** Events already known (same shipment, code and time): ignored. */
  duplicates: number;
  /** Of the accepted, those whose tracking number has no shipment yet: kept and applied when it appears. */
  unknownShipments: number;
  rejected: { index: number; reason: string }[];
}

type ValidEvent = TrackingEventInput;

/** What became of one valid event. */
type Outcome = 'accepted' | 'duplicate' | 'kept';

const keyOf = (k: { carrier: string; trackingNumber: string }) => `${k.carrier}\u0000${k.trackingNumber}`;

/**
 * One call, one transaction — shared with the calls of the same merchant that arrive while it runs (see
 * IngestCoalescer): when the call returns, every affected shipment's status is already updated and its status
 * changes are in the outbox.
 */
@Injectable()
export class TrackingIngestService {
  private readonly coalescer = new IngestCoalescer<ValidEvent, Outcome>((merchantId, events) => this.store(merchantId, events), {
    maxInFlight: 4,
    maxItems: 1_000,
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly shipments: ShipmentRepository,
    private readonly events: TrackingEventRepository,
    private readonly applier: TrackingEventApplier,
  ) {}

  async ingest(merchantId: string, items: unknown[]): Promise<IngestResult> {
    const rejected: IngestResult['rejected'] = [];
    const valid: ValidEvent[] = [];
    items.forEach((item, index) => {
      const parsed = trackingEventSchema.safeParse(item);
      if (!parsed.success) {
        const reason = zodIssuesToDetails(parsed.error.issues)
          .map((d) => (d.field ? `${d.field}: ${d.message}` : d.message))
          .join('; ');
        rejected.push({ index, reason });
      } else if (!getCarrier(parsed.data.carrier)) {
        rejected.push({ index, reason: `carrier: unknown carrier "${parsed.data.carrier}"` });
      } else {
        valid.push(parsed.data);
      }
    });

    const outcomes = valid.length > 0 ? await this.coalescer.submit(merchantId, valid) : [];
    const stored = outcomes.filter((outcome) => outcome !== 'duplicate').length;
    const unknownShipments = outcomes.filter((outcome) => outcome === 'kept').length;
    return { accepted: stored, duplicates: valid.length - stored, unknownShipments, rejected };
  }

  /** Stores the events of one or more calls in one transaction; one outcome per event, in order. */
  private async store(merchantId: string, valid: ValidEvent[]): Promise<Outcome[]> {
    return this.db.transaction(async (manager) => {
      const keys = [...new Map(valid.map((e) => [keyOf(e), e])).values()];
      const found = await this.shipments.lockByNumbers(manager, merchantId, keys);
      const shipmentIds = new Map(found.map((s) => [keyOf(s), s.id]));
      // Numbers without a shipment: wait for any creation in flight, then look again (see lockTrackingNumbers).
      const missing = keys.filter((k) => !shipmentIds.has(keyOf(k)));
      if (missing.length > 0) {
        await this.shipments.lockTrackingNumbers(manager, merchantId, missing);
        for (const s of await this.shipments.lockByNumbers(manager, merchantId, missing)) shipmentIds.set(keyOf(s), s.id);
      }
      const events = valid.map((e) => ({
        carrier: e.carrier,
        trackingNumber: e.trackingNumber,
        code: e.code,
        description: e.description ?? null,
        occurredAt: new Date(e.occurredAt),
        location: e.location ?? null,
        shipmentId: shipmentIds.get(keyOf(e)),
      }));
      const matched = events.filter((e): e is typeof e & { shipmentId: string } => e.shipmentId !== undefined);
      const unmatched = events.filter((e) => e.shipmentId === undefined);
      const inserted = await this.applier.apply(manager, merchantId, matched);
      const kept = await this.events.keepUnmatched(manager, merchantId, unmatched);

      // Each stored row is credited to the first event that carries it; a repeat, in any call, is a duplicate.
      const identity = (e: { code: string; occurredAt: Date }, holder: string) =>
        `${holder}\u0000${e.code}\u0000${e.occurredAt.toISOString()}`;
      const fresh = new Set([
        ...inserted.map((row) => identity(row, row.shipmentId)),
        ...kept.map((row) => identity(row, keyOf(row))),
      ]);
      return events.map((e): Outcome => {
        const id = identity(e, e.shipmentId ?? keyOf(e));
        if (!fresh.delete(id)) return 'duplicate';
        return e.shipmentId === undefined ? 'kept' : 'accepted';
      });
    });
  }
}
