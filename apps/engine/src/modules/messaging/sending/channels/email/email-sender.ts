import { Inject, Injectable } from '@nestjs/common';
import { renderEmail } from '@postino/templating';
import { ENGINE_CONFIG, EngineConfig } from '../../../../../config/engine-config';
import { ChannelSender, Delivery, ReadySend } from '../channel-sender';
import { buildTemplateVariables, trackingPageUrl } from '../build-template-variables';
import { classifySendError, MailTransport } from './mail-transport';
import { PreparedTemplateCache } from './prepared-template.cache';

function withDisplayName(mailFrom: string, name: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `"${name.replace(/["\\\r\n]/g, '')}" <${address}>`;
}

/** E-mail: the version's pre-compiled HTML rendered with Liquid, handed to the mail transport. */
@Injectable()
export class EmailSender implements ChannelSender {
  readonly channel = 'email';
  readonly audience = 'customer';

  constructor(
    private readonly templates: PreparedTemplateCache,
    private readonly transport: MailTransport,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  get parallelism(): number {
    return this.transport.parallelism;
  }

  async prepare(deliveries: Delivery[]): Promise<(ReadySend | { renderError: string })[]> {
    const prepared = await this.templates.getMany(
      deliveries.flatMap(({ message }) =>
        message.templateVersionId ? [{ merchantId: message.merchantId, versionId: message.templateVersionId }] : [],
      ),
    );
    return deliveries.map(({ message, shipment, lastEvent }) => {
      const template = message.templateVersionId ? prepared.get(message.templateVersionId) : undefined;
      if (!template) return { renderError: 'the template version is gone' };
      try {
        const rendered = renderEmail(
          template,
          buildTemplateVariables({
            shipment,
            lastEvent,
            merchantName: message.merchantName,
            trackingUrl: trackingPageUrl(this.config.PUBLIC_URL, shipment.trackingToken),
          }),
        );
        const email = {
          from: withDisplayName(this.config.MAIL_FROM, message.merchantName),
          to: message.recipient,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          messageId: message.messageId,
          headers: { 'X-Postino-Message': message.id },
        };
        return {
          subject: rendered.subject,
          rendered: { subject: rendered.subject, html: rendered.html, text: rendered.text, segments: null },
          send: () => this.transport.send(email),
        };
      } catch (error) {
        return { renderError: `render failed: ${(error as Error).message}` };
      }
    });
  }

  classify(error: unknown) {
    return classifySendError(error);
  }
}
