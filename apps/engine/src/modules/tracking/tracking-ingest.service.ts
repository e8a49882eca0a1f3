import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { trackingEventSchema, TrackingEventInput } from '@postino/api-contract';
import { getCarrier } from '@postino/carriers';
import { DataSource } from 'typeorm';
import { zodIssuesToDetails } from '../../common/http/zod-issues';
import { ShipmentRepository } from './shipment.repository';
import { TrackingEventApplier } from './tracking-event-applier';
import { TrackingEventRepository, UnmatchedTrackingEvent } from './tracking-event.repository';

export interface IngestResult {
  /** Events stored now for the first time (including those kept for shipments not created yet). */
  accepted: number;
  /** Events already known (same shipment, code and time): ignored. */
  duplicates: number;
  /** Of the accepted, those whose tracking number has no shipment yet: kept and applied when it appears. */
  unknownShipments: number;
  rejected: { index: number; reason: string }[];
}

/**
 * One batch, one transaction: when the call returns, every affected shipment's status is already updated
 * and its status changes are in the outbox.
 */
@Injectable()
export class TrackingIngestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly shipments: ShipmentRepository,
    private readonly events: TrackingEventRepository,
    private readonly applier: TrackingEventApplier,
  ) {}

  async ingest(merchantId: string, items: unknown[]): Promise<IngestResult> {
    const rejected: IngestResult['rejected'] = [];
    const valid: (TrackingEventInput & { index: number })[] = [];
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
        valid.push({ ...parsed.data, index });
      }
    });

    const { stored, unknownShipments } = await this.db.transaction(async (manager) => {
      const keyOf = (k: { carrier: string; trackingNumber: string }) => `${k.carrier}\u0000${k.trackingNumber}`;
      const keys = [...new Map(valid.map((e) => [keyOf(e), e])).values()];
      const found = await this.shipments.lockByNumbers(manager, merchantId, keys);
      const shipmentIds = new Map(found.map((s) => [keyOf(s), s.id]));
      // Numbers without a shipment: wait for any creation in flight, then look again (see lockTrackingNumbers).
      const missing = keys.filter((k) => !shipmentIds.has(keyOf(k)));
      if (missing.length > 0) {
        await this.shipments.lockTrackingNumbers(manager, merchantId, missing);
        for (const s of await this.shipments.lockByNumbers(manager, merchantId, missing)) shipmentIds.set(keyOf(s), s.id);
      }
      const matched: (UnmatchedTrackingEvent & { shipmentId: string })[] = [];
      const unmatched: UnmatchedTrackingEvent[] = [];
      for (const e of valid) {
        const event: UnmatchedTrackingEvent = {
          carrier: e.carrier,
          trackingNumber: e.trackingNumber,
          code: e.code,
          description: e.description ?? null,
          occurredAt: new Date(e.occurredAt),
          location: e.location ?? null,
        };
        const shipmentId = shipmentIds.get(keyOf(e));
        if (shipmentId) matched.push({ ...event, shipmentId });
        else unmatched.push(event);
      }
      const newMatched = await this.applier.apply(manager, merchantId, matched);
      const newUnmatched = await this.events.keepUnmatched(manager, merchantId, unmatched);
      return { stored: newMatched + newUnmatched, unknownShipments: newUnmatched };
    });

    return { accepted: stored, duplicates: valid.length - stored, unknownShipments, rejected };
  }
}
