import { Inject, Injectable } from '@nestjs/common';
import { alertTeamNodeType, type AlertTeamConfig, type FlowNode } from '@postino/flow-model';
import { ENGINE_CONFIG, EngineConfig } from '../../../../../config/engine-config';
import { FlowVersionCache } from '../../../../flows/flow-version.cache';
import { trackingPageUrl } from '../build-template-variables';
import { ChannelSender, Delivery, ReadySend } from '../channel-sender';
import { classifySendError, MailTransport } from '../email/mail-transport';
import { renderTeamAlertEmail } from './team-alert-email';

/**
 * The shop's team, by e-mail: the built-in alert e-mail of an alert_team node (its title, note and language
 * are in the cached flow version), over the same SMTP transport as customer e-mails. Audience `team`: the
 * customer guards (consent, quiet hours, caps) do not apply; still-true and paused flows do.
 */
@Injectable()
export class TeamEmailSender implements ChannelSender {
  readonly channel = 'team_email';
  readonly audience = 'team';
  private readonly configs = new WeakMap<FlowNode, AlertTeamConfig | null>();

  constructor(
    private readonly versions: FlowVersionCache,
    private readonly transport: MailTransport,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  get parallelism(): number {
    return this.transport.parallelism;
  }

  async prepare(deliveries: Delivery[]): Promise<(ReadySend | { renderError: string })[]> {
    const versions = await this.versions.getMany(
      deliveries.map(({ message }) => ({ merchantId: message.merchantId, versionId: message.flowVersionId })),
    );
    return deliveries.map(({ message, shipment, node: given }) => {
      const node = given ?? versions.get(message.flowVersionId)?.nodes.get(message.nodeId);
      const config = node ? this.configOf(node) : null;
      if (!config) return { renderError: 'the alert node of this e-mail is not in its flow version' };
      const rendered = renderTeamAlertEmail({
        title: config.title,
        note: config.note || null,
        locale: config.language,
        merchantName: message.merchantName,
        shipment,
        trackingUrl: trackingPageUrl(this.config.PUBLIC_URL, shipment.trackingToken),
      });
      const email = {
        from: this.config.MAIL_FROM,
        to: message.recipient,
        ...rendered,
        messageId: message.messageId,
        headers: { 'X-Postino-Message': message.id },
      };
      return {
        subject: rendered.subject,
        rendered: { subject: rendered.subject, html: rendered.html, text: rendered.text, segments: null },
        send: () => this.transport.send(email),
      };
    });
  }

  classify(error: unknown) {
    return classifySendError(error);
  }

  private configOf(node: FlowNode): AlertTeamConfig | null {
    if (!this.configs.has(node)) {
      const parsed = alertTeamNodeType.configSchema.safeParse(node.config);
      this.configs.set(node, parsed.success ? parsed.data : null);
    }
    return this.configs.get(node) ?? null;
  }
}
