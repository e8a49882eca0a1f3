import { Injectable } from '@nestjs/common';
import { deriveShipmentStatus } from '@postino/status';
import { EntityManager } from 'typeorm';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { SHIPMENT_STATUS_CHANGED, ShipmentStatusChanged } from '../domain-events/domain-event';
import { ShipmentRepository } from './shipment.repository';

/**
 * Decides a shipment's status from all of its events and, when it really changes, writes
 * `shipment.status_changed` to the outbox in the same transaction. The caller holds the row lock.
 */
@Injectable()
export class ShipmentStateService {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly domainEvents: DomainEventRepository,
  ) {}

  async recompute(manager: EntityManager, merchantId: string, shipmentId: string): Promise<boolean> {
    const shipment = await this.shipments.findById(merchantId, shipmentId, manager);
    if (!shipment) return false;
    const events = await this.shipments.events(merchantId, shipmentId, manager);
    const derived = deriveShipmentStatus(events.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })));
    const lastEventAt = events.length > 0 ? new Date(events[0].occurredAt) : null;
    const statusEventId = derived.event?.id ?? null;
    const changed = derived.status !== shipment.status;
    if (
      !changed &&
      derived.substatus === shipment.substatus &&
      statusEventId === shipment.statusEventId &&
      lastEventAt?.getTime() === (shipment.lastEventAt ? new Date(shipment.lastEventAt).getTime() : undefined)
    ) {
      return false;
    }
    await this.shipments.updateStatus(manager, merchantId, shipmentId, {
      status: derived.status,
      substatus: derived.substatus,
      statusEventId,
      lastEventAt,
    });
    if (changed) {
      const payload: ShipmentStatusChanged = {
        merchantId,
        shipmentId,
        from: shipment.status,
        to: derived.status,
        substatus: derived.substatus,
        eventId: statusEventId,
      };
      await this.domainEvents.append(manager, merchantId, SHIPMENT_STATUS_CHANGED, payload);
    }
    return changed;
  }
}
