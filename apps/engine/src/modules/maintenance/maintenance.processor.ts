import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { IdempotencyRepository } from '../../common/idempotency/idempotency.repository';
import { SessionRepository } from '../auth/session.repository';
import { Clock, plusSeconds } from '../clock/clock';
import { QUEUES } from '../queues/queue-names';
import { WebhookDeliveryRepository } from '../webhook-deliveries/webhook-delivery.repository';

const CLEANUP_EVERY_MS = 15 * 60_000;
const IDEMPOTENCY_KEY_TTL_HOURS = 24;
// Shop platforms retry a failed delivery for hours up to two days; its id is kept well beyond.
const WEBHOOK_DELIVERY_TTL_DAYS = 7;

/**
 * Housekeeping: expired sessions, idempotency keys older than a day, webhook delivery ids older than a week.
 * One repeatable job for all engines.
 */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('Maintenance');

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly sessions: SessionRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly webhookDeliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add('cleanup', {}, { repeat: { every: CLEANUP_EVERY_MS }, jobId: 'cleanup' });
  }

  @Process('cleanup')
  async cleanup(): Promise<void> {
    const sessions = await this.sessions.deleteExpired();
    const keys = await this.idempotency.deleteOlderThan(IDEMPOTENCY_KEY_TTL_HOURS);
    const expiredBefore = plusSeconds(this.clock.now(), -WEBHOOK_DELIVERY_TTL_DAYS * 86_400);
    const deliveries = await this.webhookDeliveries.deleteReceivedBefore(expiredBefore);
    if (sessions || keys || deliveries) {
      this.logger.log({ sessions, idempotencyKeys: keys, webhookDeliveries: deliveries }, 'cleanup done');
    }
  }
}
