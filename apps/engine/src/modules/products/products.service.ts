import { Injectable } from '@nestjs/common';
import type { ListProductsQuery } from '@postino/api-contract';
import { ApiError } from '../../common/http/api-error';
import { decodeKeyset, pageOf } from '../../common/http/keyset-cursor';
import { productView } from './product-view';
import { ProductRepository } from './product.repository';

@Injectable()
export class ProductsService {
  constructor(private readonly products: ProductRepository) {}

  async list(merchantId: string, query: ListProductsQuery) {
    const rows = await this.products.list(merchantId, {
      q: query.q || undefined,
      inStock: query.inStock,
      after: query.cursor ? decodeKeyset(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    return pageOf(rows, query.limit, productView);
  }

  async get(merchantId: string, id: string) {
    const product = await this.products.findById(merchantId, id);
    if (!product) throw ApiError.notFound('Product');
    return productView(product);
  }
}
