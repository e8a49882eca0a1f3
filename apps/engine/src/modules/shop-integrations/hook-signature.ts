import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `signature` is the base64 HMAC-SHA256 of the exact bytes received under `secret`, as Shopify
 * (X-Shopify-Hmac-Sha256) and WooCommerce (X-WC-Webhook-Signature) sign deliveries. Compared in constant time;
 * a missing, repeated or malformed header is simply not a match.
 */
export function isSignedBy(rawBody: Buffer, signature: string | string[] | undefined, secret: string): boolean {
  if (typeof signature !== 'string') return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
