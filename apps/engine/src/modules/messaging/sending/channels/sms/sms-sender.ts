import { Inject, Injectable } from '@nestjs/common';
import type { FlowNode, SendSmsConfig } from '@postino/flow-model';
import { prepareSmsTemplate, renderSms, smsSegments, type PreparedSmsTemplate } from '@postino/templating-sms';
import { ENGINE_CONFIG, EngineConfig } from '../../../../../config/engine-config';
import { FlowVersionCache } from '../../../../flows/flow-version.cache';
import { buildTemplateVariables, trackingPageUrl } from '../build-template-variables';
import { ChannelSender, Delivery, ReadySend } from '../channel-sender';
import { senderIdOf } from './sender-id';
import { SMS_PROVIDER, SmsProvider } from './sms-provider';

/** HTTP requests worth having in flight at once: each waits on the provider's answer, not on this process. */
const SMS_PARALLELISM = 16;

/**
 * SMS: the text of the message's send node — part of its published flow version, so immutable and cached
 * with it — rendered with Liquid (plain text) and handed to the SMS provider. The subject recorded with the
 * message is the text itself: what the customer read.
 */
@Injectable()
export class SmsSender implements ChannelSender {
  readonly channel = 'sms';
  readonly audience = 'customer';
  readonly parallelism = SMS_PARALLELISM;
  /** Parsed once per node of a cached version; a node whose text does not parse keeps the error. */
  private readonly prepared = new WeakMap<FlowNode, PreparedSmsTemplate | { error: string }>();

  constructor(
    private readonly versions: FlowVersionCache,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async prepare(deliveries: Delivery[]): Promise<(ReadySend | { renderError: string })[]> {
    const versions = await this.versions.getMany(
      deliveries.flatMap(({ message, node }) => (node ? [] : [{ merchantId: message.merchantId, versionId: message.flowVersionId }])),
    );
    return deliveries.map(({ message, shipment, lastEvent, node: given }) => {
      const node = given ?? versions.get(message.flowVersionId)?.nodes.get(message.nodeId);
      if (!node) return { renderError: 'the send node of this SMS is not in its flow version' };
      const template = this.templateOf(node);
      if ('error' in template) return { renderError: template.error };
      try {
        const text = renderSms(
          template,
          buildTemplateVariables({
            shipment,
            lastEvent,
            merchantName: message.merchantName,
            trackingUrl: trackingPageUrl(this.config.PUBLIC_URL, shipment.trackingToken),
          }),
        );
        if (!text) return { renderError: 'the SMS text is empty for this shipment' };
        const sms = { to: message.recipient, from: senderIdOf(message.merchantName), text, messageId: message.messageId };
        const { segments, encoding } = smsSegments(text);
        return {
          subject: text,
          rendered: { subject: text, html: null, text, segments: { count: segments, encoding } },
          send: async () => void (await this.provider.send(sms)),
        };
      } catch (error) {
        return { renderError: `render failed: ${(error as Error).message}` };
      }
    });
  }

  classify(error: unknown) {
    return this.provider.classify(error);
  }

  /**
   * The text was checked when the version was published; it is read as stored rather than validated again,
   * so a later, stricter limit cannot stop a published flow from sending.
   */
  private templateOf(node: FlowNode): PreparedSmsTemplate | { error: string } {
    let template = this.prepared.get(node);
    if (!template) {
      template = { error: 'the send node has no SMS text' };
      const text = (node.config as Partial<SendSmsConfig> | null)?.text;
      try {
        if (typeof text === 'string') template = prepareSmsTemplate(text);
      } catch (error) {
        template = { error: `the SMS text does not parse: ${(error as Error).message}` };
      }
      this.prepared.set(node, template);
    }
    return template;
  }
}
