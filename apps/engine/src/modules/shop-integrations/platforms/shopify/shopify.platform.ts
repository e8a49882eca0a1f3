import { topicMapping, type ShopPlatformDefinition } from '../platform';
import { mapCustomer, mapFulfillment, mapMarketingConsent, mapOrder, mapProduct } from './shopify-mapper';
import { customerSchema, fulfillmentSchema, marketingConsentUpdateSchema, orderSchema, productSchema } from './shopify-payloads';

const order = topicMapping(orderSchema, mapOrder);
const fulfillment = topicMapping(fulfillmentSchema, mapFulfillment);
const product = topicMapping(productSchema, mapProduct);
const customer = topicMapping(customerSchema, mapCustomer);

/** Shopify webhooks (shopify.dev/docs/apps/build/webhooks): JSON, signed with the shop's webhook signing key. */
export const shopify: ShopPlatformDefinition = {
  headers: { signature: 'X-Shopify-Hmac-Sha256', topic: 'X-Shopify-Topic', deliveryId: 'X-Shopify-Webhook-Id' },
  topics: new Map(Object.entries({
    'orders/create': order,
    'orders/updated': order,
    'orders/cancelled': order,
    'fulfillments/create': fulfillment,
    'fulfillments/update': fulfillment,
    'products/create': product,
    'products/update': product,
    'customers/create': customer,
    'customers/update': customer,
    'customers_email_marketing_consent/update': topicMapping(marketingConsentUpdateSchema, mapMarketingConsent),
  })),
};
