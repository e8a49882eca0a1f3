import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  consentsViewSchema,
  customerDetailSchema,
  customerPageSchema,
  listCustomersQuerySchema,
  unsubscribeRequestSchema,
  updateConsentsRequestSchema,
} from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentPrincipal, MerchantId, Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ConsentsService } from './consents.service';
import { CustomersService } from './customers.service';

class ListCustomersQueryDto extends createZodDto(listCustomersQuerySchema) {}
class CustomerPageDto extends createZodDto(customerPageSchema) {}
class CustomerDetailDto extends createZodDto(customerDetailSchema) {}
class UpdateConsentsDto extends createZodDto(updateConsentsRequestSchema) {}
class UnsubscribeDto extends createZodDto(unsubscribeRequestSchema) {}
class ConsentsDto extends createZodDto(consentsViewSchema) {}

/** Customers are created and updated by shop data (orders, shipments, webhooks, imports); here they are read and their consents changed. */
@ApiTags('customers')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly consents: ConsentsService,
  ) {}

  /** Newest first; `q` finds part of an e-mail, name or phone number. */
  @Get()
  @ZodResponse({ status: 200, type: CustomerPageDto })
  list(@MerchantId() merchantId: string, @Query() query: ListCustomersQueryDto) {
    return this.customers.list(merchantId, query);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: CustomerDetailDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.customers.get(merchantId, id);
  }

  /** Grants or withdraws one or both consents, with the source that recorded the decision. */
  @Patch(':id/consents')
  @ZodResponse({ status: 200, type: ConsentsDto })
  updateConsents(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: UpdateConsentsDto) {
    return this.consents.update(merchantId, id, body);
  }

  /** Withdraws marketing consent (`marketing`) or both consents (`all`) at once, and records the unsubscribe. */
  @Post(':id/unsubscribe')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ConsentsDto })
  unsubscribe(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UnsubscribeDto,
  ) {
    return this.consents.unsubscribe(principal.merchantId, id, body, principal);
  }
}
