import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { Client } from 'pg';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { SHIPMENT_STATUS_CHANGED } from '../domain-events/domain-event';
import { QUEUES, RowJob } from '../queues/queue-names';

const BATCH = 200;
const SWEEP_EVERY_MS = 2_000;
const RECONNECT_AFTER_MS = 1_000;
export const DOMAIN_EVENTS_CHANNEL = 'postino_domain_events';

/**
 * Moves outbox rows to Bull (ids only). Woken by LISTEN/NOTIFY for latency, backed by a periodic
 * sweep for what a lost notification or a Redis outage left behind. Any number of engines may relay:
 * rows are claimed with SKIP LOCKED, and a duplicate enqueue is harmless (runs have unique keys).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private listener: Client | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private stopped = false;

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly domainEvents: DomainEventRepository,
    @InjectQueue(QUEUES.domainEvents) private readonly queue: Queue<RowJob>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.sweepTimer = setInterval(() => void this.drain(), SWEEP_EVERY_MS);
    void this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays until the outbox is empty; concurrent wake-ups coalesce into one more pass. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          while (!this.stopped && (await this.domainEvents.relayBatch(BATCH, (rows) => this.enqueue(rows))) === BATCH);
        } while (this.drainAgain && !this.stopped);
      } catch (error) {
        this.logger.warn(`relay pass failed, the sweep retries: ${(error as Error).message}`);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async enqueue(rows: { id: string; merchantId: string }[]): Promise<void> {
    await this.queue.addBulk(
      rows.map((row) => ({
        name: SHIPMENT_STATUS_CHANGED,
        data: { id: row.id, merchantId: row.merchantId },
        opts: { jobId: `event-${row.id}` },
      })),
    );
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'postino-relay-listener' });
    client.on('notification', () => void this.drain());
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost (${error.message}); reconnecting`);
      this.listener = null;
      setTimeout(() => !this.stopped && void this.listen().catch(() => undefined), RECONNECT_AFTER_MS);
    });
    await client.connect();
    await client.query(`LISTEN ${DOMAIN_EVENTS_CHANNEL}`);
    this.listener = client;
  }
}
