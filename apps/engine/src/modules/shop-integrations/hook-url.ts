import type { ShopPlatform } from '@postino/api-contract';

/** Where shops post their webhooks: /hooks/<platform>/<integration id>, public, verified by signature. */
export const SHOP_HOOKS_PATH = '/hooks';

export const hookUrlOf = (publicUrl: string, platform: ShopPlatform, integrationId: string) =>
  `${publicUrl}${SHOP_HOOKS_PATH}/${platform}/${integrationId}`;
