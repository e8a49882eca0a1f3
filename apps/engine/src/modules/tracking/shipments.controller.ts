import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { createShipmentRequestSchema, listShipmentsQuerySchema } from '@postino/api-contract';
import { createZodDto } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ShipmentsService } from './shipments.service';

class CreateShipmentDto extends createZodDto(createShipmentRequestSchema) {}
class ListShipmentsQueryDto extends createZodDto(listShipmentsQuerySchema) {}

@ApiTags('shipments')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/shipments')
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentsService) {}

  @Post()
  create(@MerchantId() merchantId: string, @Body() body: CreateShipmentDto) {
    return this.shipments.create(merchantId, body);
  }

  @Get()
  list(@MerchantId() merchantId: string, @Query() query: ListShipmentsQueryDto) {
    return this.shipments.list(merchantId, query);
  }

  @Get(':id')
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.shipments.get(merchantId, id);
  }
}
