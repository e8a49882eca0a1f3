import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { listShipmentsQuerySchema } from '@postino/api-contract';
import { createZodDto } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ShipmentsService } from './shipments.service';

class ListShipmentsQueryDto extends createZodDto(listShipmentsQuerySchema) {}

/** Reading shipments; `POST /api/v1/shipments` is served by the shop-data module (one write path for shop data). */
@ApiTags('shipments')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/shipments')
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentsService) {}

  @Get()
  list(@MerchantId() merchantId: string, @Query() query: ListShipmentsQueryDto) {
    return this.shipments.list(merchantId, query);
  }

  @Get(':id')
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.shipments.get(merchantId, id);
  }
}
