import { Process, Processor } from '@nestjs/bull';
import { QUEUES } from '../../queues/queue-names';
import { WAKE_UP_JOB } from '../../queues/wake-ups';
import { MessageSenderService } from './message-sender.service';

/** A wake-up only starts a pass: the pass claims whatever is due, whichever ids the job named. */
@Processor(QUEUES.messages)
export class MessageWakeUpsProcessor {
  constructor(private readonly sender: MessageSenderService) {}

  @Process({ name: WAKE_UP_JOB, concurrency: 1 })
  handle(): void {
    this.sender.pump.wake();
  }
}
