import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { listOrdersQuerySchema, orderDetailSchema, orderPageSchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { OrdersService } from './orders.service';

class ListOrdersQueryDto extends createZodDto(listOrdersQuerySchema) {}
class OrderPageDto extends createZodDto(orderPageSchema) {}
class OrderDetailDto extends createZodDto(orderDetailSchema) {}

/** Reading orders; `POST /api/v1/orders` is served by the shop-data module. */
@ApiTags('orders')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  /** Newest placed first; pass `nextCursor` back as `cursor` for the next page. */
  @Get()
  @ZodResponse({ status: 200, type: OrderPageDto })
  list(@MerchantId() merchantId: string, @Query() query: ListOrdersQueryDto) {
    return this.orders.list(merchantId, query);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: OrderDetailDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.orders.get(merchantId, id);
  }
}
