import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, plusSeconds } from '../clock/clock';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { FlowRunRepository } from '../flow-runs/flow-run.repository';
import { StepTallyRepository } from '../flow-runs/step-tally.repository';
import { MessageRepository } from '../messaging/message.repository';
import { MessageSenderService } from '../messaging/sending/message-sender.service';
import { StepRunnerService } from './step-runner.service';
import { TriggerMatcherService } from './trigger-matcher.service';

const SWEEP_EVERY_MS = 2_000;
/** Due rows nobody has claimed for this long have most likely lost their wake-up (Redis restarted or flushed). */
const OVERDUE_AFTER_SECONDS = 2;

/**
 * Postgres is the source of truth; this is what makes it so. Every few seconds, in every worker engine:
 * expired step leases go back to due, expired message leases become `uncertain` (resent with the same
 * Message-ID), and any stage with overdue rows — events not handled, steps or messages due — is woken here.
 * Whatever Redis lost, the work is found again from rows; a wake-up that turns out stale finds nothing.
 * It also folds the node counters' delta rows into their totals.
 */
@Injectable()
export class RecoverySweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RecoverySweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly domainEvents: DomainEventRepository,
    private readonly runs: FlowRunRepository,
    private readonly tallies: StepTallyRepository,
    private readonly messages: MessageRepository,
    private readonly matcher: TriggerMatcherService,
    private readonly steps: StepRunnerService,
    private readonly sender: MessageSenderService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = null));
    }, SWEEP_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<void> {
    try {
      const now = this.clock.now();
      const overdue = plusSeconds(now, -OVERDUE_AFTER_SECONDS);
      const [releasedSteps, uncertain] = [await this.runs.releaseExpiredLeases(now), await this.messages.markExpiredLeasesUncertain(now)];
      if (releasedSteps || uncertain) this.logger.log({ releasedSteps, uncertain }, 'recovered expired leases');
      if (await this.domainEvents.anyUnhandledBefore(this.db.manager, overdue)) this.matcher.pump.wake();
      if (releasedSteps || (await this.runs.anyDueBefore(overdue))) this.steps.pump.wake();
      if (uncertain || (await this.messages.anyDueBefore(overdue))) this.sender.pump.wake();
      await this.tallies.compact();
    } catch (error) {
      this.logger.warn(`sweep failed, the next one retries: ${(error as Error).message}`);
    }
  }
}
