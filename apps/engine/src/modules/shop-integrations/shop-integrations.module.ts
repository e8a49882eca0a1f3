import { Module } from '@nestjs/common';
import { SecretBox } from '../../common/auth/secret-box';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { ShopDataModule } from '../shop-data/shop-data.module';
import { WebhookDeliveriesModule } from '../webhook-deliveries/webhook-deliveries.module';
import { HookIntakeService } from './hook-intake.service';
import { HooksController } from './hooks.controller';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsController } from './integrations.controller';
import { INTEGRATION_SECRETS, IntegrationsService } from './integrations.service';

/**
 * Shop integrations: the settings API that connects a Shopify or WooCommerce shop (its hook URL and sealed
 * signing secret), and the hooks those shops post to, whose payloads each platform's mapper
 * (platforms/<platform>/) turns into shop data for ShopDataService.
 */
@Module({
  imports: [ShopDataModule, WebhookDeliveriesModule],
  controllers: [IntegrationsController, HooksController],
  providers: [
    IntegrationRepository,
    IntegrationsService,
    HookIntakeService,
    {
      provide: INTEGRATION_SECRETS,
      useFactory: (config: EngineConfig) => new SecretBox(config.APP_SECRET, 'shop-integration-secrets'),
      inject: [ENGINE_CONFIG],
    },
  ],
})
export class ShopIntegrationsModule {}
