import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { alertPageSchema, alertSchema, assignAlertRequestSchema, listAlertsQuerySchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentPrincipal, MerchantId, Principal } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { AlertsService } from './alerts.service';

class ListAlertsQueryDto extends createZodDto(listAlertsQuerySchema) {}
class AssignAlertDto extends createZodDto(assignAlertRequestSchema) {}
class AlertDto extends createZodDto(alertSchema) {}
class AlertPageDto extends createZodDto(alertPageSchema) {}

/** Alerts opened by `alert_team` nodes: newest first, filtered by state, shipment or assignee; assign and resolve. */
@ApiTags('alerts')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ZodResponse({ status: 200, type: AlertPageDto })
  list(@MerchantId() merchantId: string, @Query() query: ListAlertsQueryDto) {
    return this.alerts.list(merchantId, query);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: AlertDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.alerts.get(merchantId, id);
  }

  /** Assigns (or reassigns) an alert that is not resolved to a user of the shop, by id or e-mail. */
  @Post(':id/assign')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AlertDto })
  assign(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: AssignAlertDto) {
    return this.alerts.assign(principal, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: AlertDto })
  resolve(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return this.alerts.resolve(principal, id);
  }
}
