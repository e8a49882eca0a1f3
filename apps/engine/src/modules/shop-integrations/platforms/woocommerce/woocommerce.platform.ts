import { topicMapping, type ShopPlatformDefinition } from '../platform';
import { mapOrder, mapProduct } from './woocommerce-mapper';
import { orderSchema, productSchema } from './woocommerce-payloads';

const order = topicMapping(orderSchema, mapOrder);
const product = topicMapping(productSchema, mapProduct);

// Saving a webhook in WooCommerce first posts `webhook_id=<id>` (form-encoded, unsigned) and keeps the webhook
// only when the URL answers 2xx.
const PING = /^webhook_id=\d+$/;

/** WooCommerce webhooks (WooCommerce → Settings → Advanced → Webhooks): the REST API v3 resource, signed with the webhook's secret. */
export const woocommerce: ShopPlatformDefinition = {
  headers: { signature: 'X-WC-Webhook-Signature', topic: 'X-WC-Webhook-Topic', deliveryId: 'X-WC-Webhook-Delivery-ID' },
  topics: new Map(Object.entries({
    'order.created': order,
    'order.updated': order,
    'product.created': product,
    'product.updated': product,
  })),
  isPing: (rawBody, headers) => headers['x-wc-webhook-signature'] === undefined && rawBody.length < 64 && PING.test(rawBody.toString('latin1')),
};
