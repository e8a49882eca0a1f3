import { Module } from '@nestjs/common';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/**
 * The ids of shop webhook deliveries already accepted, per integration: written by the hooks
 * (shop-integrations), pruned by maintenance. A module of its own so workers, which serve no hooks, can prune.
 */
@Module({ providers: [WebhookDeliveryRepository], exports: [WebhookDeliveryRepository] })
export class WebhookDeliveriesModule {}
