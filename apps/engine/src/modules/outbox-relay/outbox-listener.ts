import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';

export const DOMAIN_EVENTS_CHANNEL = 'postino_domain_events';
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * Wakes the outbox's consumers the moment events commit: one LISTEN connection per engine on the channel an
 * insert trigger notifies. Exactly one connection at a time: a lost one is closed before the next is made,
 * and reconnecting goes on (with backoff) for as long as PostgreSQL is away. After every (re)connect the
 * consumers are woken once, for whatever was committed meanwhile. Latency only: the sweeper finds unhandled
 * events without it.
 */
@Injectable()
export class OutboxListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxListener');
  private readonly consumers: (() => void)[] = [];
  private client: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private stopped = false;

  constructor(@Inject(ENGINE_CONFIG) private readonly config: EngineConfig) {}

  /** `wake` is called for every notification and after every reconnect; it must be cheap and never throw. */
  onEvents(wake: () => void): void {
    this.consumers.push(wake);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.drop();
  }

  /** How many LISTEN connections this engine holds: 0 or 1. */
  get connections(): number {
    return this.client ? 1 : 0;
  }

  private wakeAll(): void {
    for (const wake of this.consumers) wake();
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.client) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'postino-outbox-listener' });
    // Both 'error' and 'end' can fire for one loss: only the first one for the current client counts.
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.logger.warn(`LISTEN connection lost (${reason}); reconnecting`);
      void this.drop().then(() => this.scheduleReconnect());
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', () => this.wakeAll());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${DOMAIN_EVENTS_CHANNEL}`);
      this.reconnectDelay = RECONNECT_MIN_MS;
      this.wakeAll();
    } catch (error) {
      if (this.client === client) {
        await this.drop();
        this.logger.warn(`cannot LISTEN yet (${(error as Error).message}); retrying in ${this.reconnectDelay} ms`);
        this.scheduleReconnect();
      }
    }
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('notification');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }
}
