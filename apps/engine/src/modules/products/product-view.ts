import { fromMinorUnits, type ProductView } from '@postino/api-contract';
import type { ProductRow } from './product';

export function productView(p: ProductRow): ProductView {
  return {
    id: p.id,
    externalId: p.externalId,
    title: p.title,
    url: p.url,
    imageUrl: p.imageUrl,
    price: p.priceMinor !== null && p.currency ? fromMinorUnits(p.priceMinor, p.currency) : null,
    currency: p.currency,
    tags: p.tags,
    inStock: p.inStock,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}
