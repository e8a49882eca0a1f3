import { Module } from '@nestjs/common';
import { CustomersModule } from '../../customers/customers.module';
import { EmailTemplatesModule } from '../../email-templates/email-templates.module';
import { FlowRunsModule } from '../../flow-runs/flow-runs.module';
import { TrackingModule } from '../../tracking/tracking.module';
import { MessagingModule } from '../messaging.module';
import { CHANNEL_SENDERS, ChannelSender } from './channels/channel-sender';
import { EmailSender } from './channels/email/email-sender';
import { MailTransport } from './channels/email/mail-transport';
import { PreparedTemplateCache } from './channels/email/prepared-template.cache';
import { MessageSenderService } from './message-sender.service';
import { MessageWakeUpsProcessor } from './message-wake-ups.processor';

/**
 * The send stage (worker engines only): due messages → still true? → rendered → handed to their channel.
 * A channel is a folder under channels/ with its sender, registered in CHANNEL_SENDERS below.
 */
@Module({
  imports: [MessagingModule, TrackingModule, FlowRunsModule, EmailTemplatesModule, CustomersModule],
  providers: [
    MailTransport,
    PreparedTemplateCache,
    EmailSender,
    { provide: CHANNEL_SENDERS, useFactory: (...senders: ChannelSender[]) => senders, inject: [EmailSender] },
    MessageSenderService,
    MessageWakeUpsProcessor,
  ],
  exports: [MessageSenderService],
})
export class MessageSendingModule {}
