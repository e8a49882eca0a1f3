import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { teamSettingsResponseSchema, teamSettingsSchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId, UserRoles } from '../../common/auth/principal';
import { TeamAddressRepository } from './team-address.repository';

class TeamSettingsDto extends createZodDto(teamSettingsSchema) {}
class TeamSettingsResponseDto extends createZodDto(teamSettingsResponseSchema) {}

/** The team address alert e-mails go to (null: the shop's first owner's e-mail). Only owners change it. */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/settings/team')
export class TeamSettingsController {
  constructor(private readonly addresses: TeamAddressRepository) {}

  @Get()
  @ZodResponse({ status: 200, type: TeamSettingsResponseDto })
  get(@MerchantId() merchantId: string) {
    return this.addresses.get(merchantId);
  }

  @Put()
  @UserRoles('owner')
  @ZodResponse({ status: 200, type: TeamSettingsResponseDto })
  put(@MerchantId() merchantId: string, @Body() body: TeamSettingsDto) {
    return this.addresses.put(merchantId, body.teamEmail);
  }
}
