import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { DEFAULT_JOB_OPTIONS, QUEUE_PREFIX, QUEUES } from './queue-names';
import { RedisConnection } from './redis-connection';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ENGINE_CONFIG],
      useFactory: (config: EngineConfig) => ({
        redis: config.REDIS_URL,
        prefix: QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
  ],
  providers: [RedisConnection],
  exports: [BullModule, RedisConnection],
})
export class QueuesModule {}
