import { TAGS_PER_HOLDER } from '@postino/flow-model';
import type { EntityManager } from 'typeorm';
import type { NetTagChange } from './tag-change';

/** The two tables whose rows hold tags (a `text[]` column `tags`); the names are constants, never input. */
export type TagHolderTable = 'shipments' | 'customers';

/**
 * Applies net tag changes to one table in two statements: the rows locked in id order (so concurrent batches
 * and tracking ingest, which lock shipments in id order too, cannot deadlock), then one UPDATE. A removal
 * matches ignoring case (a shop may have written "VIP"); an addition is left out when the row holds it in any
 * case, and once the row holds TAGS_PER_HOLDER tags. Kept order: existing tags, then the new ones. An erased
 * customer is not tagged.
 */
export async function applyTagChanges(manager: EntityManager, table: TagHolderTable, changes: NetTagChange[]): Promise<void> {
  if (changes.length === 0) return;
  const live = table === 'customers' ? 'AND h.erased_at IS NULL' : '';
  const params = [
    changes.map((c) => c.merchantId),
    changes.map((c) => c.holderId),
    changes.map((c) => JSON.stringify(c.add)),
    changes.map((c) => JSON.stringify(c.remove)),
  ];
  await manager.query(
    `SELECT h.id FROM ${table} h
       JOIN unnest($1::uuid[], $2::uuid[]) AS c(merchant_id, id) ON h.merchant_id = c.merchant_id AND h.id = c.id
      ORDER BY h.id FOR UPDATE OF h`,
    params.slice(0, 2),
  );
  await manager.query(
    `UPDATE ${table} h SET tags = (
       SELECT coalesce(array_agg(z.tag ORDER BY z.ord), '{}') FROM (
         SELECT e.tag, e.ord FROM unnest(h.tags) WITH ORDINALITY AS e(tag, ord)
          WHERE lower(e.tag) NOT IN (SELECT jsonb_array_elements_text(c.removes))
         UNION ALL
         SELECT a.tag, ${TAGS_PER_HOLDER} * 1000 + a.ord FROM jsonb_array_elements_text(c.adds) WITH ORDINALITY AS a(tag, ord)
          WHERE a.tag NOT IN (SELECT lower(x) FROM unnest(h.tags) x)
            AND a.ord <= ${TAGS_PER_HOLDER} - cardinality(h.tags)) z)
       FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::jsonb[]) AS c(merchant_id, id, adds, removes)
      WHERE h.merchant_id = c.merchant_id AND h.id = c.id ${live}`,
    params,
  );
}
