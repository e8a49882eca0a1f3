import { Process, Processor } from '@nestjs/bull';
import { QUEUES } from '../queues/queue-names';
import { WAKE_UP_JOB } from '../queues/wake-ups';
import { StepRunnerService } from './step-runner.service';

/** A wake-up only starts a pass: the pass claims whatever is due, whichever ids the job named. */
@Processor(QUEUES.flowSteps)
export class StepWakeUpsProcessor {
  constructor(private readonly steps: StepRunnerService) {}

  @Process({ name: WAKE_UP_JOB, concurrency: 1 })
  handle(): void {
    this.steps.pump.wake();
  }
}
