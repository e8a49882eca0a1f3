import { Module } from '@nestjs/common';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { EmailTemplatesModule } from '../email-templates/email-templates.module';
import { FlowsModule } from '../flows/flows.module';
import { MailTransport } from '../messages/mail-transport';
import { MessageSenderService } from '../messages/message-sender.service';
import { MessagesModule } from '../messages/messages.module';
import { PreparedTemplateCache } from '../messages/prepared-template-cache';
import { OutboxRelayService } from '../outbox-relay/outbox-relay.service';
import { ShipmentsModule } from '../shipments/shipments.module';
import { SendEmailExecutor } from './executors/send-email.executor';
import { FlowRunRepository } from './flow-run.repository';
import { FlowStepRunner } from './flow-step-runner.service';
import { FlowTriggerService } from './flow-trigger.service';
import { NODE_EXECUTORS, NodeExecutor } from './node-executor';
import { DomainEventsProcessor, FlowStepsProcessor, MessagesProcessor } from './queue-processors';
import { RecoverySweeperService } from './recovery-sweeper.service';

/**
 * The worker half of the spine: outbox relay → flow trigger → steps → messages → SMTP, plus the
 * sweeper that recovers from lost jobs and dead workers. Loaded only in the `worker` and `all` roles.
 */
@Module({
  imports: [ShipmentsModule, EmailTemplatesModule, FlowsModule, MessagesModule],
  providers: [
    DomainEventRepository,
    FlowRunRepository,
    FlowTriggerService,
    FlowStepRunner,
    SendEmailExecutor,
    { provide: NODE_EXECUTORS, useFactory: (...executors: NodeExecutor[]) => executors, inject: [SendEmailExecutor] },
    MailTransport,
    PreparedTemplateCache,
    MessageSenderService,
    OutboxRelayService,
    RecoverySweeperService,
    DomainEventsProcessor,
    FlowStepsProcessor,
    MessagesProcessor,
  ],
})
export class FlowRunsModule {}
