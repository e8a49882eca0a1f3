import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJsonKeepingLongIntegers } from '../../apps/engine/src/modules/shop-integrations/exact-json';
import type { ApiResponse } from './fixtures';

export type HookPlatform = 'shopify' | 'woocommerce';

const FIXTURES = resolve(__dirname, '../../apps/engine/src/modules/shop-integrations/platforms');

/** The headers each platform sends its deliveries with. */
const HEADERS: Record<HookPlatform, { signature: string; topic: string; deliveryId: string }> = {
  shopify: { signature: 'X-Shopify-Hmac-Sha256', topic: 'X-Shopify-Topic', deliveryId: 'X-Shopify-Webhook-Id' },
  woocommerce: { signature: 'X-WC-Webhook-Signature', topic: 'X-WC-Webhook-Topic', deliveryId: 'X-WC-Webhook-Delivery-ID' },
};

/** A payload fixture (platforms/<platform>/fixtures/<name>.json) as the exact bytes a shop would send. */
export function fixtureBytes(platform: HookPlatform, name: string): Buffer {
  return readFileSync(resolve(FIXTURES, platform, 'fixtures', `${name}.json`));
}

/** A fixture with some fields changed, re-serialized (its long integer ids become strings, which hooks accept). */
export function fixtureWith(platform: HookPlatform, name: string, change: (payload: any) => void): Buffer {
  const payload = parseJsonKeepingLongIntegers(fixtureBytes(platform, name).toString('utf8'));
  change(payload);
  return Buffer.from(JSON.stringify(payload));
}

export const signatureOf = (body: Buffer, secret: string) => createHmac('sha256', secret).update(body).digest('base64');

export interface HookDelivery {
  topic: string;
  body: Buffer;
  /** Defaults to the body signed with `secret`. */
  signature?: string | null;
  /** Defaults to a fresh id: pass one to replay a delivery. */
  deliveryId?: string;
  headers?: Record<string, string>;
}

/** Posts one delivery to /hooks/<platform>/<integration id> as the platform would. */
export async function postHook(
  baseUrl: string,
  platform: HookPlatform,
  integrationId: string,
  secret: string,
  delivery: HookDelivery,
): Promise<ApiResponse> {
  const names = HEADERS[platform];
  const signature = delivery.signature === undefined ? signatureOf(delivery.body, secret) : delivery.signature;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [names.topic]: delivery.topic,
    [names.deliveryId]: delivery.deliveryId ?? randomUUID(),
    ...(signature === null ? {} : { [names.signature]: signature }),
    ...delivery.headers,
  };
  const response = await fetch(`${baseUrl}/hooks/${platform}/${integrationId}`, { method: 'POST', headers, body: new Uint8Array(delivery.body) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}
