import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { SecretBox } from '../../apps/engine/src/common/auth/secret-box';

/** The tag half the harness's shipments carry (the even ones), which the rich flow's condition asks about. */
export const SPLIT_TAG = 'harness-yes';

export type FlowShape = 'simple' | 'rich';

export function flowShapeOf(value: string | undefined): FlowShape {
  if (value === undefined || value === 'simple' || value === 'rich') return value ?? 'simple';
  throw new Error(`--flow must be simple or rich, not "${value}"`);
}

/**
 * The richer flow of the crash test and the benchmark: status_changed → wait 0 s → condition (shipment tagged
 * SPLIT_TAG) → yes: A/B split 50/50 → an e-mail per variant; no: a webhook to `webhookUrl`. Every shipment
 * gets exactly one message, an e-mail or a webhook.
 */
export function richFlowDefinition(statuses: string[], templateId: string, webhookUrl: string) {
  const node = (id: string, type: string, config: unknown, x: number, y: number) => ({ id, type, config, position: { x, y } });
  return {
    nodes: [
      node('trigger', 'status_changed', { statuses }, 0, 0),
      node('wait', 'wait', { duration: { amount: 0, unit: 'seconds' } }, 0, 120),
      node('tagged', 'condition', { groups: [{ rules: [{ fact: 'shipment.tags', operator: 'has_any_of', value: [SPLIT_TAG] }] }] }, 0, 240),
      node('split', 'ab_split', { variants: [{ id: 'a', weight: 50 }, { id: 'b', weight: 50 }], holdout: 0 }, -200, 360),
      node('email_a', 'send_email', { templateId }, -300, 480),
      node('email_b', 'send_email', { templateId }, -100, 480),
      node('hook', 'webhook', { url: `${webhookUrl}/harness` }, 200, 360),
    ],
    edges: [
      { from: 'trigger', fromPort: 'next', to: 'wait' },
      { from: 'wait', fromPort: 'next', to: 'tagged' },
      { from: 'tagged', fromPort: 'yes', to: 'split' },
      { from: 'tagged', fromPort: 'no', to: 'hook' },
      { from: 'split', fromPort: 'a', to: 'email_a' },
      { from: 'split', fromPort: 'b', to: 'email_b' },
    ],
  };
}

export const RICH_FLOW_DESCRIPTION = (statuses: string[]) =>
  `status_changed(${statuses.join(',')}) → wait 0 s → condition(shipment tagged ${SPLIT_TAG}) → yes: ab_split 50/50 → send_email ×2; no: webhook`;

/**
 * The merchant's webhook signing secret, sealed as POST /api/v1/settings/webhook-signing/rotate seals it (same
 * APP_SECRET and purpose): the harness's merchants have no owner to log in as, like their API keys are made in SQL.
 */
export async function giveWebhookSecret(db: Pool, appSecret: string, merchantId: string): Promise<void> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const sealed = new SecretBox(appSecret, 'webhook-signing-secrets').seal(secret, merchantId);
  await db.query(`INSERT INTO webhook_signing_secrets (merchant_id, secret_sealed, created_at) VALUES ($1, $2, now())`, [merchantId, sealed]);
}
