import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { sendingPolicySchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { SendingPolicyRepository } from './sending-policy.repository';

class SendingPolicyDto extends createZodDto(sendingPolicySchema) {}

/**
 * The shop's sending policy: its time zone, quiet hours (read in each recipient's zone; a message due then is
 * deferred to their end, never dropped) and frequency caps per recipient and channel, applied at send time.
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/settings/sending-policy')
export class SendingPolicyController {
  constructor(private readonly policies: SendingPolicyRepository) {}

  @Get()
  @ZodResponse({ status: 200, type: SendingPolicyDto })
  get(@MerchantId() merchantId: string) {
    return this.policies.get(merchantId);
  }

  /** Replaces the whole policy; messages already queued follow the new one when they are sent. */
  @Put()
  @ZodResponse({ status: 200, type: SendingPolicyDto })
  put(@MerchantId() merchantId: string, @Body() body: SendingPolicyDto) {
    return this.policies.put(merchantId, body);
  }
}
