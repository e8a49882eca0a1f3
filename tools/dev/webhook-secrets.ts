import type { Pool } from 'pg';
import { SecretBox } from '../../apps/engine/src/common/auth/secret-box';

/**
 * For the local webhook capture: a merchant's webhook signing secret, opened as the engine opens it (same
 * APP_SECRET and purpose), so the capture can tell a rightly signed delivery from a wrong one.
 */
export function webhookSecretReader(pool: Pool, appSecret: string): (merchantId: string) => Promise<string | null> {
  const box = new SecretBox(appSecret, 'webhook-signing-secrets');
  return async (merchantId) => {
    const { rows } = await pool.query(`SELECT secret_sealed FROM webhook_signing_secrets WHERE merchant_id = $1::uuid`, [merchantId]).catch(() => ({ rows: [] }));
    return rows[0] ? box.open(rows[0].secret_sealed, merchantId) : null;
  };
}
