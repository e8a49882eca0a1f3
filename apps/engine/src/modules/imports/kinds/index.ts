import type { ImportKindName } from '@postino/api-contract';
import type { ImportKind } from './import-kind';
import { ordersImport } from './orders/orders.kind';
import { productsImport } from './products/products.kind';

/** Every kind of CSV import, by the name `?kind=` takes (the names are the api-contract's IMPORT_KINDS). */
export const IMPORT_KIND_REGISTRY: Readonly<Record<ImportKindName, ImportKind>> = {
  orders: ordersImport,
  products: productsImport,
};
