export interface ProductRow {
  id: string;
  merchantId: string;
  externalId: string;
  title: string;
  url: string | null;
  imageUrl: string | null;
  priceMinor: number | null;
  currency: string | null;
  tags: string[];
  inStock: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const PRODUCT_COLUMNS = `
  p.id, p.merchant_id AS "merchantId", p.external_id AS "externalId", p.title, p.url, p.image_url AS "imageUrl",
  p.price_minor::float8 AS "priceMinor", p.currency, p.tags, p.in_stock AS "inStock", p.created_at AS "createdAt",
  p.updated_at AS "updatedAt"`;
