import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ENGINE_CONFIG, EngineConfig, runsWorkers } from './config/engine-config';
import { dataSourceOptions } from './database/data-source-options';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthController } from './modules/health/health.controller';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import { MerchantsModule } from './modules/merchants/merchants.module';
import { MetricsController } from './modules/metrics/metrics.controller';
import { QueuesModule } from './modules/queues/queues.module';
import { CarriersModule } from './modules/carriers/carriers.module';
import { EmailTemplatesModule } from './modules/email-templates/email-templates.module';
import { ClockModule } from './modules/clock/clock.module';
import { FlowDryRunModule } from './modules/flow-dry-run/flow-dry-run.module';
import { FlowEngineModule } from './modules/flow-engine/flow-engine.module';
import { FlowsModule } from './modules/flows/flows.module';
import { FlowRunLogsModule } from './modules/flow-run-logs/flow-run-logs.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { TrackingModule } from './modules/tracking/tracking.module';
import { TrackingPageModule } from './modules/tracking-page/tracking-page.module';
import { ShopIntegrationsModule } from './modules/shop-integrations/shop-integrations.module';
import { CustomersModule } from './modules/customers/customers.module';
import { OrdersModule } from './modules/orders/orders.module';
import { ProductsModule } from './modules/products/products.module';
import { ShopDataModule } from './modules/shop-data/shop-data.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ImportsModule } from './modules/imports/imports.module';
import { SendingPolicyModule } from './modules/sending-policy/sending-policy.module';
import { ShipmentWatchModule } from './modules/shipment-watch/shipment-watch.module';
import { ShipmentWatchSweeperModule } from './modules/shipment-watch/sweeper/shipment-watch-sweeper.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { WebhookSigningModule } from './modules/webhook-signing/webhook-signing.module';

@Module({})
class ConfigModule {
  static register(config: EngineConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: ENGINE_CONFIG, useValue: config }],
      exports: [ENGINE_CONFIG],
    };
  }
}

/**
 * The engine's composition root. The role decides what runs: `worker` and `all` (the default) run the
 * queue processors and sweepers; `api` and `all` serve the REST API (a worker answers only /health and
 * /metrics, see bootstrap). Health and metrics are always on.
 */
@Module({})
export class AppModule {
  static register(config: EngineConfig): DynamicModule {
    const apiModules = [
      AuthModule,
      ApiKeysModule,
      IdempotencyModule,
      CarriersModule,
      TrackingModule,
      CustomersModule,
      OrdersModule,
      ProductsModule,
      ShopDataModule,
      PrivacyModule,
      ImportsModule,
      SendingPolicyModule,
      ShipmentWatchModule,
      EmailTemplatesModule,
      FlowsModule,
      FlowRunLogsModule,
      FlowDryRunModule,
      MessagingModule,
      OutboxModule,
      TrackingPageModule,
      ShopIntegrationsModule,
      AlertsModule,
      WebhookSigningModule,
    ];
    const workerModules = runsWorkers(config) ? [MaintenanceModule, FlowEngineModule, ShipmentWatchSweeperModule] : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        ClockModule,
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL)),
        MerchantsModule,
        QueuesModule,
        ...apiModules,
        ...workerModules,
      ],
      controllers: [HealthController, MetricsController],
    };
  }
}
