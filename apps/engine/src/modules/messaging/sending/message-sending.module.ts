import { Module } from '@nestjs/common';
import { CustomersModule } from '../../customers/customers.module';
import { EmailTemplatesModule } from '../../email-templates/email-templates.module';
import { FlowRunsModule } from '../../flow-runs/flow-runs.module';
import { FlowsModule } from '../../flows/flows.module';
import { SendingPolicyModule } from '../../sending-policy/sending-policy.module';
import { WebhookSigningModule } from '../../webhook-signing/webhook-signing.module';
import { TrackingModule } from '../../tracking/tracking.module';
import { MessagingModule } from '../messaging.module';
import { CHANNEL_SENDERS, ChannelSender } from './channels/channel-sender';
import { CHANNEL_SENDER_CLASSES } from './channels';
import { MailTransport } from './channels/email/mail-transport';
import { PreparedTemplateCache } from './channels/email/prepared-template.cache';
import { HttpSmsProvider } from './channels/sms/http-sms-provider';
import { SMS_PROVIDER } from './channels/sms/sms-provider';
import { DigestLedger } from './guards/digest-ledger.repository';
import { FrequencyCapLedger } from './guards/frequency-cap-ledger.repository';
import { SEND_GUARD_CLASSES } from './guards';
import { SEND_GUARDS, SendGuard } from './guards/send-guard';
import { MessageSenderService } from './message-sender.service';
import { MessageWakeUpsProcessor } from './message-wake-ups.processor';

/**
 * The send stage (worker engines only): due messages → send guards (guards/, in SEND_GUARD_CLASSES order) →
 * rendered → handed to their channel. A channel is a folder under channels/ with its sender, registered in
 * CHANNEL_SENDERS below.
 */
@Module({
  imports: [MessagingModule, TrackingModule, FlowRunsModule, FlowsModule, EmailTemplatesModule, CustomersModule, SendingPolicyModule, WebhookSigningModule],
  providers: [
    MailTransport,
    PreparedTemplateCache,
    { provide: SMS_PROVIDER, useClass: HttpSmsProvider },
    ...CHANNEL_SENDER_CLASSES,
    { provide: CHANNEL_SENDERS, useFactory: (...senders: ChannelSender[]) => senders, inject: CHANNEL_SENDER_CLASSES },
    FrequencyCapLedger,
    DigestLedger,
    ...SEND_GUARD_CLASSES,
    { provide: SEND_GUARDS, useFactory: (...guards: SendGuard[]) => guards, inject: SEND_GUARD_CLASSES },
    MessageSenderService,
    MessageWakeUpsProcessor,
  ],
  exports: [MessageSenderService],
})
export class MessageSendingModule {}
