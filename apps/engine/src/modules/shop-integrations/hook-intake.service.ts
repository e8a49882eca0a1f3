import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { shopDataBatchSchema, uuidParamSchema, type HookAnswer, type ShopDataBatch } from '@postino/api-contract';
import type { IncomingHttpHeaders } from 'node:http';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../common/auth/secret-box';
import { ApiError } from '../../common/http/api-error';
import { zodIssuesToDetails } from '../../common/http/zod-issues';
import { Clock } from '../clock/clock';
import { ShopDataService } from '../shop-data/shop-data.service';
import { readPayload, requiredHeader } from './hook-payload';
import { isSignedBy } from './hook-signature';
import { IntegrationRepository, IntegrationRow } from './integration.repository';
import { INTEGRATION_SECRETS } from './integrations.service';
import { platformNamed } from './platforms';
import { WebhookDeliveryRepository } from '../webhook-deliveries/webhook-delivery.repository';

/** A verified delivery, read and mapped, to be recorded (and its data written) in one transaction. */
interface AcceptedHook {
  deliveryId: string;
  topic: string;
  outcome: 'applied' | 'ignored';
  detail: string | null;
  batch: ShopDataBatch | null;
}

const isEmpty = (batch: ShopDataBatch) =>
  batch.customers.length + batch.orders.length + batch.products.length + batch.shipments.length === 0;

/**
 * The path of a shop webhook: the integration the URL names → the signature over the exact bytes received
 * (before anything is parsed; nothing is stored for a bad one) → topic and delivery id → the topic's payload,
 * mapped by the platform's mapper → one transaction: the delivery id (a replay stops here), the shop data
 * (ShopDataService, with its outbox events), the integration's last delivery and counters. The answer follows
 * the commit. A delivery with a valid signature that is refused (400) is counted as failed with its reason.
 */
@Injectable()
export class HookIntakeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly integrations: IntegrationRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly shopData: ShopDataService,
    @Inject(INTEGRATION_SECRETS) private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  async receive(platformName: string, integrationId: string, rawBody: unknown, headers: IncomingHttpHeaders): Promise<HookAnswer> {
    const platform = platformNamed(platformName);
    // A malformed id names nothing, like an unknown one or one of another platform.
    const integration = platform && uuidParamSchema.safeParse(integrationId).success ? await this.integrations.findForHook(integrationId) : null;
    if (!platform || !integration || integration.platform !== platformName) throw ApiError.notFound('Integration');
    const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.alloc(0);
    if (platform.isPing?.(body, headers)) return { outcome: 'ping', detail: null };
    if (!isSignedBy(body, headers[platform.headers.signature.toLowerCase()], this.secretOf(integration))) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'invalid_signature',
        `${platform.headers.signature} is missing or is not the signature of this body with the integration's secret`,
      );
    }

    let topic: string | null = null;
    try {
      topic = requiredHeader(headers, platform.headers.topic);
      const deliveryId = requiredHeader(headers, platform.headers.deliveryId);
      const mapping = platform.topics.get(topic);
      if (!mapping) {
        return await this.accept(integration, { deliveryId, topic, outcome: 'ignored', detail: `topic ${topic} is not one Postino reads`, batch: null });
      }
      const { batch, notes } = mapping.map(readPayload(body, mapping.schema), { currency: integration.currency });
      const checked = shopDataBatchSchema.safeParse(batch);
      if (!checked.success) throw ApiError.validation(zodIssuesToDetails(checked.error.issues));
      const empty = isEmpty(checked.data);
      const detail = notes.length > 0 ? notes.join('; ') : null;
      return await this.accept(integration, { deliveryId, topic, outcome: empty ? 'ignored' : 'applied', detail, batch: empty ? null : checked.data });
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() < HttpStatus.INTERNAL_SERVER_ERROR) {
        const delivery = { at: this.clock.now(), topic, status: error.getStatus(), result: 'failed' as const, detail: error.message };
        await this.integrations.recordDelivery(integration.merchantId, integration.id, delivery);
      }
      throw error;
    }
  }

  private accept(integration: IntegrationRow, hook: AcceptedHook): Promise<HookAnswer> {
    const { merchantId, id: integrationId } = integration;
    const at = this.clock.now();
    return this.db.transaction(async (manager) => {
      const { deliveryId, topic, outcome } = hook;
      const first = await this.deliveries.recordIfNew(manager, merchantId, { integrationId, deliveryId, topic, outcome, receivedAt: at });
      if (first && hook.batch) await this.shopData.apply(merchantId, hook.batch, { source: integration.platform, manager });
      const result = first ? outcome : 'duplicate';
      const detail = first ? hook.detail : `delivery ${deliveryId} was received already`;
      await this.integrations.recordDelivery(merchantId, integrationId, { at, topic, status: HttpStatus.OK, result, detail }, manager);
      return { outcome: result, detail };
    });
  }

  private secretOf(integration: IntegrationRow): string {
    try {
      return this.secrets.open(integration.secretSealed, integration.id);
    } catch {
      // An operator problem, not the shop's: a 500 the platform retries until the secret is rotated.
      throw new Error(`The secret of integration ${integration.id} cannot be decrypted: was APP_SECRET changed? Rotate the secret.`);
    }
  }
}
