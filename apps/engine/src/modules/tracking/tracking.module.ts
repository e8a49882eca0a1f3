import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../domain-events/domain-events.module';
import { ShipmentStateService } from './shipment-state.service';
import { ShipmentRepository } from './shipment.repository';
import { ShipmentsController } from './shipments.controller';
import { ShipmentsService } from './shipments.service';
import { TrackingEventApplier } from './tracking-event-applier';
import { TrackingEventRepository } from './tracking-event.repository';
import { TrackingEventsController } from './tracking-events.controller';
import { TrackingIngestService } from './tracking-ingest.service';

/**
 * Tracking: shipments and the carrier events that move them. A batch of events decides its shipments' status
 * and writes the status changes to the outbox in one transaction.
 */
@Module({
  imports: [DomainEventsModule],
  controllers: [ShipmentsController, TrackingEventsController],
  providers: [
    ShipmentRepository,
    ShipmentsService,
    ShipmentStateService,
    TrackingEventRepository,
    TrackingEventApplier,
    TrackingIngestService,
  ],
  exports: [ShipmentRepository, TrackingEventApplier],
})
export class TrackingModule {}
