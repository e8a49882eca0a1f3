import { toMinorUnits, type ProductInput, type UpsertOutcome } from '@postino/api-contract';
import type { ProductRow } from './product';

const COMPARED = ['title', 'url', 'imageUrl', 'priceMinor', 'currency', 'inStock'] as const;

/** A catalogue entry is what the shop last said: the input replaces the stored product. */
export function planProduct(
  existing: ProductRow | null,
  input: ProductInput,
  context: { id: string; merchantId: string; now: Date },
): { row: ProductRow; outcome: UpsertOutcome } {
  const priceMinor = input.price !== undefined && input.currency ? toMinorUnits(input.price, input.currency) : null;
  const row: ProductRow = {
    id: existing?.id ?? context.id,
    merchantId: context.merchantId,
    externalId: input.externalId,
    title: input.title,
    url: input.url ?? null,
    imageUrl: input.imageUrl ?? null,
    priceMinor,
    currency: input.currency ?? null,
    tags: input.tags,
    inStock: input.inStock,
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
  };
  if (!existing) return { row, outcome: 'created' };
  const same =
    COMPARED.every((field) => row[field] === existing[field]) &&
    row.tags.length === existing.tags.length &&
    row.tags.every((tag, i) => tag === existing.tags[i]);
  return same ? { row: existing, outcome: 'unchanged' } : { row, outcome: 'updated' };
}
