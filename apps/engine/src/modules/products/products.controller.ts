import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { listProductsQuerySchema, productPageSchema, productViewSchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ProductsService } from './products.service';

class ListProductsQueryDto extends createZodDto(listProductsQuerySchema) {}
class ProductPageDto extends createZodDto(productPageSchema) {}
class ProductDto extends createZodDto(productViewSchema) {}

/** The catalogue as read by the studio and (later) cross-sell widgets; written through POST /api/v1/products. */
@ApiTags('products')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @ZodResponse({ status: 200, type: ProductPageDto })
  list(@MerchantId() merchantId: string, @Query() query: ListProductsQueryDto) {
    return this.products.list(merchantId, query);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: ProductDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.products.get(merchantId, id);
  }
}
