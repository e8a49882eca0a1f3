import { Module } from '@nestjs/common';
import { TeamAddressRepository } from '../alerts/team-address.repository';
import { CustomerRepository } from '../customers/customer.repository';
import { EmailTemplatesModule } from '../email-templates/email-templates.module';
import { STEP_EFFECT_CLASSES } from '../flow-engine/effects';
import { NODE_EXECUTOR_CLASSES } from '../flow-engine/executors';
import { NODE_EXECUTORS, NodeExecutor } from '../flow-engine/node-executor';
import { RunFactsRepository } from '../flow-engine/run-facts.repository';
import { FlowsModule } from '../flows/flows.module';
import { CHANNEL_SENDER_CLASSES } from '../messaging/sending/channels';
import { CHANNEL_SENDERS, ChannelSender } from '../messaging/sending/channels/channel-sender';
import { MailTransport } from '../messaging/sending/channels/email/mail-transport';
import { PreparedTemplateCache } from '../messaging/sending/channels/email/prepared-template.cache';
import { SMS_PROVIDER } from '../messaging/sending/channels/sms/sms-provider';
import { ConsentGuard } from '../messaging/sending/guards/consent.guard';
import { PublishingModule } from '../publishing/publishing.module';
import { SendingPolicyRepository } from '../sending-policy/sending-policy.repository';
import { WebhookSigningModule } from '../webhook-signing/webhook-signing.module';
import { DryRunMessages } from './dry-run-messages';
import { DryRunRepository } from './dry-run.repository';
import { FlowDryRunController } from './flow-dry-run.controller';
import { FlowDryRunService } from './flow-dry-run.service';
import { NO_MAIL_TRANSPORT, NO_SMS_PROVIDER } from './nothing-leaves';
import { READ_ONLY_DATA_SOURCE, ReadOnlyDataSourceCloser } from './read-only-database';
import { FlowSimulator } from './simulation';

/**
 * Dry-runs of flows (API engines): the engine's own node executors, send-guard rules and channel renderers,
 * declared here again so that everything they read goes through this module's read-only data source (it
 * stands in for the engine's DataSource in this module), with transports that refuse to hand anything over.
 */
@Module({
  imports: [FlowsModule, PublishingModule, EmailTemplatesModule, WebhookSigningModule],
  controllers: [FlowDryRunController],
  providers: [
    READ_ONLY_DATA_SOURCE,
    ReadOnlyDataSourceCloser,
    RunFactsRepository,
    TeamAddressRepository,
    // Executors ask for effects through these; the dry-run reports what was asked and never writes it.
    ...STEP_EFFECT_CLASSES,
    ...NODE_EXECUTOR_CLASSES,
    { provide: NODE_EXECUTORS, useFactory: (...executors: NodeExecutor[]) => executors, inject: NODE_EXECUTOR_CLASSES },
    { provide: MailTransport, useValue: NO_MAIL_TRANSPORT },
    { provide: SMS_PROVIDER, useValue: NO_SMS_PROVIDER },
    PreparedTemplateCache,
    ...CHANNEL_SENDER_CLASSES,
    { provide: CHANNEL_SENDERS, useFactory: (...senders: ChannelSender[]) => senders, inject: CHANNEL_SENDER_CLASSES },
    CustomerRepository,
    ConsentGuard,
    SendingPolicyRepository,
    DryRunRepository,
    FlowSimulator,
    DryRunMessages,
    FlowDryRunService,
  ],
})
export class FlowDryRunModule {}
