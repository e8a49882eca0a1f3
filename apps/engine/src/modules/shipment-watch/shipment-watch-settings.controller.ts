import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { shipmentWatchSettingsSchema, shipmentWatchSettingsView, shipmentWatchSettingsViewSchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId, UserRoles } from '../../common/auth/principal';
import { ShipmentWatchSettingsRepository } from './shipment-watch-settings.repository';

class ShipmentWatchSettingsDto extends createZodDto(shipmentWatchSettingsSchema) {}
class ShipmentWatchSettingsViewDto extends createZodDto(shipmentWatchSettingsViewSchema) {}

/**
 * When a shipment counts as stalled (hours without a carrier scan): the shop's thresholds over each carrier's
 * default, with the ones in effect. A delay needs no setting: it is the promised date passing.
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/settings/shipment-watch')
export class ShipmentWatchSettingsController {
  constructor(private readonly settings: ShipmentWatchSettingsRepository) {}

  @Get()
  @ZodResponse({ status: 200, type: ShipmentWatchSettingsViewDto })
  async get(@MerchantId() merchantId: string) {
    return shipmentWatchSettingsView(await this.settings.get(merchantId));
  }

  /** Replaces the thresholds; the next sweep uses them (a stall already recorded stays recorded). */
  @Put()
  @UserRoles('owner')
  @ZodResponse({ status: 200, type: ShipmentWatchSettingsViewDto })
  async put(@MerchantId() merchantId: string, @Body() body: ShipmentWatchSettingsDto) {
    return shipmentWatchSettingsView(await this.settings.put(merchantId, body));
  }
}
