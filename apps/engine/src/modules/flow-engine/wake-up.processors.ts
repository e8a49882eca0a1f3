import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { SHIPMENT_STATUS_CHANGED } from '../domain-events/domain-event';
import { MessageSenderService } from '../messages/message-sender.service';
import { jobsProcessed } from '../metrics/metrics';
import { QUEUES, RowJob } from '../queues/queue-names';
import { FlowStepRunner } from './flow-step-runner.service';
import { FlowTriggerService } from './flow-trigger.service';

// Each job is tiny and mostly waits on Postgres or SMTP, so a worker runs several at once.
const CONCURRENCY = 8;

async function counted(queue: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    jobsProcessed.inc({ queue, outcome: 'done' });
  } catch (error) {
    jobsProcessed.inc({ queue, outcome: 'error' });
    throw error;
  }
}

@Processor(QUEUES.domainEvents)
export class DomainEventsProcessor {
  constructor(private readonly triggers: FlowTriggerService) {}

  @Process({ name: SHIPMENT_STATUS_CHANGED, concurrency: CONCURRENCY })
  handle(job: Job<RowJob>): Promise<void> {
    return counted(QUEUES.domainEvents, () => this.triggers.handle(job.data.merchantId, job.data.id));
  }
}

@Processor(QUEUES.flowSteps)
export class FlowStepsProcessor {
  constructor(private readonly runner: FlowStepRunner) {}

  @Process({ name: 'run', concurrency: CONCURRENCY })
  handle(job: Job<RowJob>): Promise<void> {
    return counted(QUEUES.flowSteps, () => this.runner.run(job.data.merchantId, job.data.id));
  }
}

@Processor(QUEUES.messages)
export class MessagesProcessor {
  constructor(private readonly sender: MessageSenderService) {}

  @Process({ name: 'send', concurrency: CONCURRENCY })
  handle(job: Job<RowJob>): Promise<void> {
    return counted(QUEUES.messages, () => this.sender.send(job.data.merchantId, job.data.id));
  }
}
