import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RenderedEmail, renderEmail } from '@postino/templating';
import type { Queue } from 'bull';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { MerchantRepository } from '../merchants/merchant.repository';
import { attemptJobId, QUEUES, RowJob } from '../queues/queue-names';
import { ShipmentRepository } from '../shipments/shipment.repository';
import { buildTemplateVariables } from './build-template-variables';
import { classifySendError, MailTransport } from './mail-transport';
import { MessageRepository } from './message.repository';
import { PreparedTemplateCache } from './prepared-template-cache';

export const MESSAGE_LEASE_SECONDS = 120;
export const MESSAGE_MAX_ATTEMPTS = 6;

export function messageRetryDelaySeconds(attempts: number): number {
  return Math.min(10 * 2 ** (attempts - 1), 3600);
}

function withDisplayName(mailFrom: string, name: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `"${name.replace(/["\\\r\n]/g, '')}" <${address}>`;
}

/**
 * Sends one message: claims it with a lease, re-reads the present (a message whose trigger status is
 * no longer current is skipped), renders the pre-compiled template and hands it to SMTP.
 */
@Injectable()
export class MessageSenderService {
  private readonly logger = new Logger('MessageSender');

  constructor(
    private readonly messages: MessageRepository,
    private readonly shipments: ShipmentRepository,
    private readonly merchants: MerchantRepository,
    private readonly templates: PreparedTemplateCache,
    private readonly transport: MailTransport,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    @InjectQueue(QUEUES.messages) private readonly queue: Queue<RowJob>,
  ) {}

  async send(merchantId: string, id: string): Promise<void> {
    const message = await this.messages.claim(merchantId, id, MESSAGE_LEASE_SECONDS);
    if (!message) return;
    // A message whose sender keeps dying before it can settle (leases expiring) must end somewhere.
    if (message.attempts > MESSAGE_MAX_ATTEMPTS) {
      await this.messages.settle(merchantId, id, { state: 'failed', error: `gave up after ${MESSAGE_MAX_ATTEMPTS} attempts` });
      return;
    }
    const shipment = await this.shipments.findById(merchantId, message.shipmentId);
    if (!shipment || shipment.status !== message.triggerStatus) {
      await this.messages.settle(merchantId, id, {
        state: 'skipped',
        reason: `no longer true: the shipment is now ${shipment?.status ?? 'deleted'}, not ${message.triggerStatus}`,
      });
      return;
    }
    const [prepared, merchant, lastEvent] = await Promise.all([
      this.templates.get(message.templateVersionId, () =>
        this.messages.templateVersion(merchantId, message.templateVersionId),
      ),
      this.merchants.findById(merchantId),
      this.shipments.latestEvent(merchantId, shipment.id),
    ]);
    if (!prepared || !merchant) {
      await this.messages.settle(merchantId, id, { state: 'failed', error: 'template version or merchant is gone' });
      return;
    }
    let rendered: RenderedEmail;
    try {
      rendered = renderEmail(
        prepared,
        buildTemplateVariables({
          shipment,
          lastEvent,
          merchantName: merchant.name,
          trackingUrl: `${this.config.PUBLIC_URL}/t/${shipment.trackingToken}`,
        }),
      );
    } catch (error) {
      // The same template and data would fail the same way again: no retry.
      await this.messages.settle(merchantId, id, { state: 'failed', error: `render failed: ${(error as Error).message}` });
      return;
    }
    try {
      await this.transport.send({
        from: withDisplayName(this.config.MAIL_FROM, merchant.name),
        to: message.recipient,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId: message.messageId,
        headers: { 'X-Postino-Message': message.id },
      });
    } catch (error) {
      await this.handleFailure(message.merchantId, id, message.attempts, error);
      return;
    }
    await this.messages.settle(merchantId, id, { state: 'sent', subject: rendered.subject });
  }

  private async handleFailure(merchantId: string, id: string, attempts: number, error: unknown): Promise<void> {
    const text = error instanceof Error ? error.message : String(error);
    const kind = classifySendError(error);
    if (kind === 'permanent' || attempts >= MESSAGE_MAX_ATTEMPTS) {
      await this.messages.settle(merchantId, id, { state: 'failed', error: text });
      return;
    }
    const retryInSeconds = messageRetryDelaySeconds(attempts);
    this.logger.warn({ messageId: id, attempts, retryInSeconds, kind }, `send failed: ${text}`);
    await this.messages.settle(merchantId, id, {
      state: kind === 'uncertain' ? 'uncertain' : 'queued',
      error: text,
      retryInSeconds,
    });
    await this.queue.add(
      'send',
      { id, merchantId },
      // One second after the row is due, so the job never arrives before the row can be claimed.
      { jobId: attemptJobId('message', id, attempts), delay: (retryInSeconds + 1) * 1000 },
    );
  }
}
