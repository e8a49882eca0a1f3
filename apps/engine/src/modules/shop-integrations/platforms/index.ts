import type { ShopPlatform } from '@postino/api-contract';
import type { ShopPlatformDefinition } from './platform';
import { shopify } from './shopify/shopify.platform';
import { woocommerce } from './woocommerce/woocommerce.platform';

/** Every platform Postino receives webhooks from, by the name in its hook URL (/hooks/<platform>/<integration id>). */
export const SHOP_PLATFORM_DEFINITIONS: Readonly<Record<ShopPlatform, ShopPlatformDefinition>> = { shopify, woocommerce };

export function platformNamed(name: string): ShopPlatformDefinition | undefined {
  return Object.hasOwn(SHOP_PLATFORM_DEFINITIONS, name) ? SHOP_PLATFORM_DEFINITIONS[name as ShopPlatform] : undefined;
}
