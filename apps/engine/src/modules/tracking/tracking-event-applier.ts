import { Injectable } from '@nestjs/common';
import { normalizeCarrierEvent } from '@postino/carriers';
import { EntityManager } from 'typeorm';
import { ShipmentStateService } from './shipment-state.service';
import {
  InsertedTrackingEvent,
  NewTrackingEvent,
  TrackingEventRepository,
  UnmatchedTrackingEvent,
} from './tracking-event.repository';

/** Normalizes carrier events, stores them on their shipments and recomputes those shipments' status. */
@Injectable()
export class TrackingEventApplier {
  constructor(
    private readonly events: TrackingEventRepository,
    private readonly state: ShipmentStateService,
  ) {}

  /**
   * Stores the events of known shipments (deduplicated) and returns those that were new.
   * The shipments must be locked by the caller's transaction.
   */
  async apply(
    manager: EntityManager,
    merchantId: string,
    events: (UnmatchedTrackingEvent & { shipmentId: string })[],
  ): Promise<InsertedTrackingEvent[]> {
    const unknownCodes: { carrier: string; code: string; description: string | null }[] = [];
    const rows: NewTrackingEvent[] = events.map((e) => {
      const normalized = normalizeCarrierEvent(e.carrier, { code: e.code, description: e.description ?? undefined });
      if (normalized.via !== 'code') unknownCodes.push({ carrier: e.carrier, code: e.code, description: e.description });
      return {
        shipmentId: e.shipmentId,
        code: e.code,
        description: e.description,
        occurredAt: e.occurredAt,
        location: e.location,
        status: normalized.status,
        substatus: normalized.substatus,
        mappedVia: normalized.via,
      };
    });
    const inserted = await this.events.insertMany(manager, merchantId, rows);
    await this.events.countUnknownCodes(manager, merchantId, unknownCodes);
    await this.state.recompute(manager, merchantId, [...new Set(inserted.map((row) => row.shipmentId))]);
    return inserted;
  }

  /** Applies the events that arrived before these shipments existed (new shipments, locked by the caller). */
  async applyKeptEvents(
    manager: EntityManager,
    merchantId: string,
    shipments: { id: string; carrier: string; trackingNumber: string }[],
  ): Promise<void> {
    const kept = await this.events.takeUnmatched(manager, merchantId, shipments);
    if (kept.length === 0) return;
    const keyOf = (k: { carrier: string; trackingNumber: string }) => `${k.carrier}\u0000${k.trackingNumber}`;
    const ids = new Map(shipments.map((s) => [keyOf(s), s.id]));
    await this.apply(
      manager,
      merchantId,
      kept.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt), shipmentId: ids.get(keyOf(e)) as string })),
    );
  }
}
