import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import type { SendEmailConfig } from '@postino/flow-model';
import type { Queue } from 'bull';
import { sha256 } from '../../../common/auth/secrets';
import { ENGINE_CONFIG, EngineConfig } from '../../../config/engine-config';
import type { ShipmentStatusChanged } from '../../domain-events/domain-event';
import { EmailTemplatesService } from '../../email-templates/email-templates.service';
import { MessageRepository } from '../../messages/message.repository';
import { attemptJobId, QUEUES, RowJob } from '../../queues/queue-names';
import { ShipmentRepository } from '../../shipments/shipment.repository';
import { NodeExecutionContext, NodeExecutor, NodeOutcome, PermanentStepError } from '../node-executor';

/** The domain part of Message-IDs: the host of the sending address. */
function messageIdDomain(mailFrom: string): string {
  return /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'postino.local';
}

/**
 * Creates the message row (unique per run, node and recipient) and queues it. The Message-ID derives
 * from that key, so every retry of this message carries the same one.
 */
@Injectable()
export class SendEmailExecutor implements NodeExecutor {
  readonly type = 'send_email';

  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly templates: EmailTemplatesService,
    private readonly messages: MessageRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    @InjectQueue(QUEUES.messages) private readonly queue: Queue<RowJob>,
  ) {}

  async execute(context: NodeExecutionContext): Promise<NodeOutcome> {
    const config = context.node.config as SendEmailConfig;
    const trigger = context.triggerPayload as ShipmentStatusChanged;
    const shipment = await this.shipments.findById(context.merchantId, context.shipmentId);
    if (!shipment) return { port: null };
    const version = await this.templates.latestPublishedVersion(context.merchantId, config.templateId);
    if (!version) throw new PermanentStepError(`email template ${config.templateId} has no published version`);
    const recipient = shipment.customerEmail?.toLowerCase() ?? '';
    const idempotencyKey = `${context.runId}:${context.node.id}:${recipient}`;
    const newMessage = {
      merchantId: context.merchantId,
      idempotencyKey,
      messageId: `${sha256(idempotencyKey).slice(0, 40)}@${messageIdDomain(this.config.MAIL_FROM)}`,
      runId: context.runId,
      nodeId: context.node.id,
      shipmentId: shipment.id,
      recipient,
      templateVersionId: version.id,
      triggerStatus: trigger.to,
    };
    if (!recipient) {
      await this.messages.createSkipped(newMessage, 'the shipment has no customer e-mail address');
      return { port: 'next' };
    }
    const message = await this.messages.createOnce(newMessage);
    await this.queue.add(
      'send',
      { id: message.id, merchantId: context.merchantId },
      { jobId: attemptJobId('message', message.id, message.attempts) },
    );
    return { port: 'next' };
  }
}
