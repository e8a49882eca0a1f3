import { Module } from '@nestjs/common';
import { AlertRepository } from './alert.repository';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { TeamAddressRepository } from './team-address.repository';
import { TeamSettingsController } from './team-settings.controller';

/**
 * The team's alerts (opened by `alert_team` steps, whose effect writes the rows): list, read, assign,
 * resolve; and the team address their e-mails go to, read by the step for a batch at once.
 */
@Module({
  controllers: [AlertsController, TeamSettingsController],
  providers: [AlertRepository, AlertsService, TeamAddressRepository],
  exports: [TeamAddressRepository],
})
export class AlertsModule {}
