import type { EntityManager } from 'typeorm';

/**
 * Every publish (flow, template, later settings) bumps the merchant's publication revision in the same
 * transaction. Engines cache what is published per merchant and revision; the hot paths read the revision
 * with the rows they claim, so a stale cache is noticed at the next batch without any extra query.
 */
export async function bumpPublicationRevision(manager: EntityManager, merchantId: string): Promise<void> {
  await manager.query(`UPDATE merchants SET publication_revision = publication_revision + 1 WHERE id = $1`, [merchantId]);
}
