import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';

/** One plain Redis connection per engine for small shared counters and the health check (Bull has its own). */
@Injectable()
export class RedisConnection implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }

  async client(): Promise<Redis> {
    if (this.redis.status === 'wait') await this.redis.connect();
    return this.redis;
  }

  async ping(): Promise<string> {
    return (await this.client()).ping();
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
