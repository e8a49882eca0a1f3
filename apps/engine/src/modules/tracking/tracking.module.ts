import { Module } from '@nestjs/common';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { TrackingEventApplier } from '../tracking-events/tracking-event-applier';
import { TrackingEventRepository } from '../tracking-events/tracking-event.repository';
import { TrackingEventsController } from '../tracking-events/tracking-events.controller';
import { TrackingIngestService } from '../tracking-events/tracking-ingest.service';
import { ShipmentStateService } from './shipment-state.service';
import { ShipmentRepository } from './shipment.repository';
import { ShipmentsController } from './shipments.controller';
import { ShipmentsService } from './shipments.service';

/** Shipments and the tracking events that move them: the ingestion half of the spine. */
@Module({
  controllers: [ShipmentsController, TrackingEventsController],
  providers: [
    ShipmentRepository,
    ShipmentsService,
    ShipmentStateService,
    DomainEventRepository,
    TrackingEventRepository,
    TrackingEventApplier,
    TrackingIngestService,
  ],
  exports: [ShipmentRepository],
})
export class ShipmentsModule {}
