import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { IdempotencyRepository } from '../../common/idempotency/idempotency.repository';
import { SessionRepository } from '../auth/session.repository';
import { QUEUES } from '../queues/queue-names';

const CLEANUP_EVERY_MS = 15 * 60_000;
const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** Housekeeping: expired sessions and idempotency keys older than a day. One repeatable job for all engines. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('Maintenance');

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly sessions: SessionRepository,
    private readonly idempotency: IdempotencyRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add('cleanup', {}, { repeat: { every: CLEANUP_EVERY_MS }, jobId: 'cleanup' });
  }

  @Process('cleanup')
  async cleanup(): Promise<void> {
    const sessions = await this.sessions.deleteExpired();
    const keys = await this.idempotency.deleteOlderThan(IDEMPOTENCY_KEY_TTL_HOURS);
    if (sessions || keys) this.logger.log({ sessions, idempotencyKeys: keys }, 'cleanup done');
  }
}
