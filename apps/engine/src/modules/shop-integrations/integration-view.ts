import type { IntegrationView } from '@postino/api-contract';
import type { IntegrationRow } from './integration.repository';
import { hookUrlOf } from './hook-url';

/** An integration as the API shows it: never its secret. */
export function integrationView(row: IntegrationRow, publicUrl: string): IntegrationView {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    currency: row.currency,
    hookUrl: hookUrlOf(publicUrl, row.platform, row.id),
    createdAt: row.createdAt.toISOString(),
    secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
    lastDelivery:
      row.lastDeliveryAt && row.lastDeliveryResult && row.lastDeliveryStatus !== null
        ? {
            at: row.lastDeliveryAt.toISOString(),
            topic: row.lastDeliveryTopic,
            status: row.lastDeliveryStatus,
            result: row.lastDeliveryResult,
            detail: row.lastDeliveryDetail,
          }
        : null,
    counts: { received: Number(row.receivedCount), ignored: Number(row.ignoredCount), failed: Number(row.failedCount) },
  };
}
