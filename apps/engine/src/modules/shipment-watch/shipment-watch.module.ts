import { Module } from '@nestjs/common';
import { ShipmentWatchSettingsController } from './shipment-watch-settings.controller';
import { ShipmentWatchSettingsRepository } from './shipment-watch-settings.repository';

/** The shop's shipment-watch settings (stall thresholds); the sweeper that applies them is sweeper/ (workers). */
@Module({
  controllers: [ShipmentWatchSettingsController],
  providers: [ShipmentWatchSettingsRepository],
})
export class ShipmentWatchModule {}
