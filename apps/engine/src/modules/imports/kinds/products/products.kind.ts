import { productInputSchema } from '@postino/api-contract';
import { amountCell, issuesToRowErrors, listCell, YES_NO_REASON, yesNoCell } from '../cells';
import type { ImportColumn, ImportKind, CsvRow, ReadOutcome } from '../import-kind';

const COLUMNS = [
  { name: 'product_id', required: true, description: "The shop's own id of the product; a product already imported with it is updated." },
  { name: 'title', required: true, description: 'The product name as customers see it.' },
  { name: 'url', description: 'The product page, http(s).' },
  { name: 'image_url', description: 'A product image, http(s).' },
  { name: 'price', description: 'In the major unit, e.g. 19.99 (a decimal comma, 19,99, is read too); needs currency.' },
  { name: 'currency', description: 'ISO 4217 code such as EUR; required with a price.' },
  { name: 'tags', description: 'Several separated by commas, e.g. "summer, sale".' },
  { name: 'in_stock', description: 'yes or no (also true/false, 1/0); blank means yes.' },
] as const satisfies readonly ImportColumn[];

// The column each field of productInputSchema is read from.
const COLUMN_OF: Record<string, string> = {
  externalId: 'product_id',
  title: 'title',
  url: 'url',
  imageUrl: 'image_url',
  price: 'price',
  currency: 'currency',
  tags: 'tags',
  inStock: 'in_stock',
};

/** One row is one product. */
function readProduct(row: CsvRow): ReadOutcome {
  const inStock = yesNoCell(row.get('in_stock'));
  const parsed = productInputSchema.safeParse({
    externalId: row.get('product_id'),
    title: row.get('title'),
    url: row.get('url') || undefined,
    imageUrl: row.get('image_url') || undefined,
    price: amountCell(row.get('price')),
    currency: row.get('currency') || undefined,
    tags: listCell(row.get('tags')),
    inStock: inStock ?? undefined,
  });
  const errors = [...row.problems];
  if (inStock === null) errors.push({ row: row.number, column: 'in_stock', reason: YES_NO_REASON });
  if (!parsed.success) {
    errors.push(...issuesToRowErrors(parsed.error.issues, (path) => ({ row: row.number, column: COLUMN_OF[String(path[0])] ?? null })));
  }
  if (errors.length > 0 || !parsed.success) return { rows: 1, errors };
  return { rows: 1, items: { products: [parsed.data] } };
}

export const productsImport: ImportKind = {
  columns: COLUMNS,
  example: [
    {
      product_id: 'TEE-001',
      title: 'Organic cotton T-shirt',
      url: 'https://shop.example/products/tee',
      image_url: 'https://shop.example/images/tee.jpg',
      price: '29.95',
      currency: 'EUR',
      tags: 'summer, cotton',
      in_stock: 'yes',
    },
    { product_id: 'CAP-002', title: 'Canvas cap', url: '', image_url: '', price: '19.00', currency: 'EUR', tags: '', in_stock: 'no' },
  ],
  reader: () => ({ read: (row) => [readProduct(row)], end: () => [] }),
  outcomesOf: (result) => result.products,
};
