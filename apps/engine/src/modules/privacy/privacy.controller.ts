import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { customerErasureSchema, customerExportSchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentPrincipal, Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { PrivacyService } from './privacy.service';

class CustomerExportDto extends createZodDto(customerExportSchema) {}
class CustomerErasureDto extends createZodDto(customerErasureSchema) {}

@ApiTags('customers')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/customers/:id')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything Postino holds about the customer, as JSON; recorded in the privacy audit. */
  @Get('export')
  @ZodResponse({ status: 200, type: CustomerExportDto })
  export(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return this.privacy.export(principal, id);
  }

  /**
   * Erases the customer's personal data from the customer, its orders, shipments, messages and captured
   * e-mails; the rows stay, anonymized, so counts hold, and nothing is sent to it again. Recorded in the audit.
   */
  @Post('erase')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: CustomerErasureDto })
  erase(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return this.privacy.erase(principal, id);
  }
}
