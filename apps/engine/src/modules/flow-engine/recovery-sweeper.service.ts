import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { MessageRepository } from '../messages/message.repository';
import { attemptJobId, QUEUES, RowJob } from '../queues/queue-names';
import { FlowRunRepository } from './flow-run.repository';

const SWEEP_EVERY_MS = 5_000;
// A due row older than this without being claimed has most likely lost its job (Redis restart, flush).
const OVERDUE_AFTER_SECONDS = 30;
const BATCH = 500;

/**
 * Postgres is the source of truth: whatever Redis lost is re-queued from rows. Expired step leases go
 * back to `queued`; expired message leases become `uncertain` (retried with the same Message-ID);
 * due rows nobody claimed get their job again (an id still waiting in Bull makes that a no-op).
 */
@Injectable()
export class RecoverySweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RecoverySweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly runs: FlowRunRepository,
    private readonly messages: MessageRepository,
    @InjectQueue(QUEUES.flowSteps) private readonly steps: Queue<RowJob>,
    @InjectQueue(QUEUES.messages) private readonly outgoing: Queue<RowJob>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sweep().finally(() => (this.running = null));
    }, SWEEP_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<void> {
    try {
      const steps = [...(await this.runs.releaseExpiredLeases()), ...(await this.runs.overdueSteps(OVERDUE_AFTER_SECONDS, BATCH))];
      const messages = [
        ...(await this.messages.markExpiredLeasesUncertain()),
        ...(await this.messages.overdue(OVERDUE_AFTER_SECONDS, BATCH)),
      ];
      await this.steps.addBulk(
        steps.map((s) => ({ name: 'run', data: { id: s.id, merchantId: s.merchantId }, opts: { jobId: attemptJobId('step', s.id, s.attempts) } })),
      );
      await this.outgoing.addBulk(
        messages.map((m) => ({ name: 'send', data: { id: m.id, merchantId: m.merchantId }, opts: { jobId: attemptJobId('message', m.id, m.attempts) } })),
      );
      if (steps.length || messages.length) this.logger.log({ steps: steps.length, messages: messages.length }, 're-queued');
    } catch (error) {
      this.logger.warn(`sweep failed, next one retries: ${(error as Error).message}`);
    }
  }
}
