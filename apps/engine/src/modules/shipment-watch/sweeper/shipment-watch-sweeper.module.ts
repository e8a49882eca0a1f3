import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../../domain-events/domain-events.module';
import { ShipmentWatchSweeper } from './shipment-watch.sweeper';
import { WatchCandidatesRepository } from './watch-candidates.repository';

/** Worker engines only: the sweeper that turns missed promised dates and silent carriers into domain events. */
@Module({
  imports: [DomainEventsModule],
  providers: [WatchCandidatesRepository, ShipmentWatchSweeper],
})
export class ShipmentWatchSweeperModule {}
