import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ENGINE_CONFIG, EngineConfig, runsApi, runsWorkers } from './config/engine-config';
import { dataSourceOptions } from './database/data-source-options';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthController } from './modules/health/health.controller';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import { MerchantsModule } from './modules/merchants/merchants.module';
import { MetricsController } from './modules/metrics/metrics.controller';
import { QueuesModule } from './modules/queues/queues.module';

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
 * The engine's composition root. The role decides what runs: `api` mounts the REST API,
 * `worker` runs the queue processors, `all` (the default) both. Health and metrics are always on.
 */
@Module({})
export class AppModule {
  static register(config: EngineConfig): DynamicModule {
    const apiModules = runsApi(config) ? [AuthModule, ApiKeysModule, IdempotencyModule] : [AuthModule];
    const workerModules = runsWorkers(config) ? [MaintenanceModule] : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
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
