import { createHmac } from 'node:crypto';

/**
 * `Postino-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the merchant's signing
 * secret. The time is inside what is signed, so a receiver that refuses old timestamps (5 minutes) is safe
 * from replays of a captured request; the delivery id (Postino-Delivery) tells retries apart from new events.
 */
export function webhookSignature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
