import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  createShipmentRequestSchema,
  orderInputSchema,
  upsertOrderResponseSchema,
  upsertProductsRequestSchema,
  upsertProductsResponseSchema,
} from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { IntakeService } from './intake.service';

class OrderInputDto extends createZodDto(orderInputSchema) {}
class UpsertOrderResponseDto extends createZodDto(upsertOrderResponseSchema) {}
class UpsertProductsDto extends createZodDto(upsertProductsRequestSchema) {}
class UpsertProductsResponseDto extends createZodDto(upsertProductsResponseSchema) {}
class CreateShipmentDto extends createZodDto(createShipmentRequestSchema) {}

/**
 * The API's writes of shop data, each through the shop-data service like webhooks and imports (the reads
 * live with their modules: orders, products, tracking).
 */
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class ShopDataController {
  constructor(private readonly intake: IntakeService) {}

  /**
   * Creates the order, or updates the one with this number (`outcome` says which; resending the same order
   * is `unchanged`). Its customer is created or updated by e-mail, and shipments already posted with this
   * order number are linked to it.
   */
  @ApiTags('orders')
  @Post('orders')
  @ZodResponse({ status: 200, type: UpsertOrderResponseDto })
  upsertOrder(@MerchantId() merchantId: string, @Body() body: OrderInputDto) {
    return this.intake.upsertOrder(merchantId, body);
  }

  /** Creates or updates up to 1,000 products by the shop's id, in one transaction; one result per product sent. */
  @ApiTags('products')
  @Post('products')
  @ZodResponse({ status: 200, type: UpsertProductsResponseDto })
  upsertProducts(@MerchantId() merchantId: string, @Body() body: UpsertProductsDto) {
    return this.intake.upsertProducts(merchantId, body.products);
  }

  /**
   * Creates a shipment (409 with its id when the merchant already has it). The customer fields create or
   * update the customer by e-mail; `orderNumber` links the order, now or when it arrives.
   */
  @ApiTags('shipments')
  @Post('shipments')
  @HttpCode(201)
  createShipment(@MerchantId() merchantId: string, @Body() body: CreateShipmentDto) {
    return this.intake.createShipment(merchantId, body);
  }
}
