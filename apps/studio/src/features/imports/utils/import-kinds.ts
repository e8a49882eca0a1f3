import type { ImportKindName } from '@postino/api-contract';

export const importKindLabels: Record<ImportKindName, string> = {
  orders: 'Orders with shipments',
  products: 'Products',
};

export const importKindHints: Record<ImportKindName, string> = {
  orders: 'One row per line item; an order’s first row carries its totals and customer, a tracking number adds a shipment.',
  products: 'One row per product of your catalogue: id, title, links, price, stock.',
};

/** The engine's example file of a kind: every column in the header and a few realistic rows. */
export function exampleFileUrl(kind: ImportKindName): string {
  return `/api/v1/imports/templates/${kind}.csv`;
}
