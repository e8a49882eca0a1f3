import type { DeliveryResult, ShopPlatform } from '@postino/api-contract';
import type { ChipTone } from '../../../components/chip';

export const platformLabels: Record<ShopPlatform, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce' };

/** Where the merchant pastes the hook URL and secret, and where the secret comes from. */
export const platformSetup: Record<ShopPlatform, { secretHint: string; instructions: string }> = {
  shopify: {
    secretHint: 'Shopify signs with its own key: paste the one shown under Settings → Notifications → Webhooks (or your app’s client secret).',
    instructions:
      'In Shopify, add a webhook for each topic (orders, fulfillments, products, customers) in JSON with this URL.',
  },
  woocommerce: {
    secretHint: 'Leave empty and Postino generates one for you to paste into WooCommerce.',
    instructions:
      'In WooCommerce → Settings → Advanced → Webhooks, add a webhook per topic (order and product created/updated) with this delivery URL and secret.',
  },
};

export const deliveryResultLabels: Record<DeliveryResult, string> = {
  applied: 'Applied',
  ignored: 'Ignored',
  duplicate: 'Duplicate',
  failed: 'Refused',
};

export const deliveryResultTones: Record<DeliveryResult, ChipTone> = {
  applied: 'green',
  ignored: 'gray',
  duplicate: 'slate',
  failed: 'red',
};
