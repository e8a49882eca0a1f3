import { Injectable } from '@nestjs/common';
import { deriveShipmentStatus, type Status, type Substatus } from '@postino/status';
import { EntityManager } from 'typeorm';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { SHIPMENT_STATUS_CHANGED, type ShipmentStatusChangedPayload } from '@postino/flow-model';
import { ShipmentRepository, ShipmentStatusUpdate } from './shipment.repository';

/**
 * Decides shipments' status from all of their events and, for each real change, writes
 * `shipment.status_changed` to the outbox in the same transaction. The caller holds the row locks.
 * Works on a whole batch with a fixed number of queries, whatever the number of shipments.
 */
@Injectable()
export class ShipmentStateService {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly domainEvents: DomainEventRepository,
  ) {}

  /** Returns how many shipments changed status. */
  async recompute(manager: EntityManager, merchantId: string, shipmentIds: string[]): Promise<number> {
    if (shipmentIds.length === 0) return 0;
    const [current, events] = await Promise.all([
      this.shipments.statusesOf(manager, merchantId, shipmentIds),
      this.shipments.statusEventsOf(manager, merchantId, shipmentIds),
    ]);
    const eventsByShipment = new Map<string, typeof events>();
    for (const event of events) {
      const list = eventsByShipment.get(event.shipmentId) ?? [];
      list.push(event);
      eventsByShipment.set(event.shipmentId, list);
    }
    const updates: ShipmentStatusUpdate[] = [];
    const changes: ShipmentStatusChangedPayload[] = [];
    for (const shipment of current) {
      const own = eventsByShipment.get(shipment.id) ?? [];
      const derived = deriveShipmentStatus(own);
      const lastEventAt = own.reduce<Date | null>((latest, e) => (!latest || e.occurredAt > latest ? e.occurredAt : latest), null);
      const statusEventId = derived.event?.id ?? null;
      const update = { id: shipment.id, status: derived.status, substatus: derived.substatus, statusEventId, lastEventAt };
      if (sameState(shipment, update)) continue;
      updates.push(update);
      if (derived.status !== shipment.status) {
        changes.push({
          merchantId,
          shipmentId: shipment.id,
          from: shipment.status,
          to: derived.status,
          substatus: derived.substatus,
          eventId: statusEventId,
          // Read with the status, in the same statement: carrier filters of triggers match on it.
          carrier: shipment.carrier,
        });
      }
    }
    await this.shipments.updateStatuses(manager, merchantId, updates);
    await this.domainEvents.appendMany(manager, merchantId, SHIPMENT_STATUS_CHANGED, changes);
    return changes.length;
  }
}

function sameState(
  before: { status: Status; substatus: Substatus | null; statusEventId: string | null; lastEventAt: Date | null },
  after: ShipmentStatusUpdate,
): boolean {
  return (
    before.status === after.status &&
    before.substatus === after.substatus &&
    before.statusEventId === after.statusEventId &&
    (before.lastEventAt?.getTime() ?? null) === (after.lastEventAt?.getTime() ?? null)
  );
}
