import { Inject, Injectable } from '@nestjs/common';
import { webhookNodeType, type FlowNode } from '@postino/flow-model';
import { ENGINE_CONFIG, EngineConfig } from '../../../../../config/engine-config';
import { Clock } from '../../../../clock/clock';
import { FlowVersionCache } from '../../../../flows/flow-version.cache';
import { WebhookSigningService } from '../../../../webhook-signing/webhook-signing.service';
import { trackingPageUrl } from '../build-template-variables';
import { ChannelSender, Delivery, ReadySend, SendFailure } from '../channel-sender';
import { postWebhook, WebhookError } from './webhook-client';
import { webhookPayload } from './webhook-payload';
import { webhookSignature } from './webhook-signature';

/** HTTP requests worth having in flight at once: each waits on the receiver, not on this process. */
export const WEBHOOK_PARALLELISM = 16;

/**
 * Webhooks: a signed POST of the run's shipment to the URL of the message's webhook node (in the cached flow
 * version). The delivery id (Postino-Delivery) is the message id, the same on every retry, so a receiver
 * can drop a repeat; the signature is made when the request leaves. Audience `system`: the customer guards
 * (consent, quiet hours, caps) do not apply; still-true and paused flows do.
 */
@Injectable()
export class WebhookSender implements ChannelSender {
  readonly channel = 'webhook';
  readonly audience = 'system';
  readonly parallelism = WEBHOOK_PARALLELISM;
  private readonly urls = new WeakMap<FlowNode, string | null>();

  constructor(
    private readonly versions: FlowVersionCache,
    private readonly signing: WebhookSigningService,
    private readonly clock: Clock,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async prepare(deliveries: Delivery[]): Promise<(ReadySend | { renderError: string })[]> {
    const merchantIds = deliveries.map(({ message }) => message.merchantId);
    const [versions, secrets] = await Promise.all([
      this.versions.getMany(deliveries.map(({ message }) => ({ merchantId: message.merchantId, versionId: message.flowVersionId }))),
      this.signing.secretsOf(merchantIds),
    ]);
    return deliveries.map(({ message, shipment, lastEvent, node: given }) => {
      const node = given ?? versions.get(message.flowVersionId)?.nodes.get(message.nodeId);
      const url = node ? this.urlOf(node) : null;
      if (!url) return { renderError: 'the webhook node of this delivery is not in its flow version' };
      const secret = secrets.get(message.merchantId);
      if (!secret) return { renderError: 'the shop has no webhook signing secret: create one under Settings (POST /api/v1/settings/webhook-signing/rotate)' };
      const body = JSON.stringify(
        webhookPayload({ message, shipment, lastEvent, trackingPageUrl: trackingPageUrl(this.config.PUBLIC_URL, shipment.trackingToken) }),
      );
      const send = () =>
        postWebhook(
          url,
          body,
          {
            'content-type': 'application/json',
            'user-agent': 'Postino-Webhooks/1',
            'postino-delivery': message.messageId,
            'postino-signature': webhookSignature(secret, body, this.clock.now()),
          },
          this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
        );
      const subject = `POST ${url}`;
      return { subject, rendered: { subject, html: null, text: body, segments: null }, send };
    });
  }

  classify(error: unknown): SendFailure {
    return error instanceof WebhookError ? error.failure : 'uncertain';
  }

  /** Exponential, with jitter (half to all of it), so receivers that failed together are not all retried together. */
  retryDelaySeconds(attempts: number): number {
    const full = Math.min(10 * 2 ** (attempts - 1), 3600);
    return Math.ceil(full * (0.5 + Math.random() / 2));
  }

  private urlOf(node: FlowNode): string | null {
    if (!this.urls.has(node)) {
      const parsed = webhookNodeType.configSchema.safeParse(node.config);
      this.urls.set(node, parsed.success ? parsed.data.url : null);
    }
    return this.urls.get(node) ?? null;
  }
}
