import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { webhookSigningSecretSchema, webhookSigningStatusSchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId, UserRoles } from '../../common/auth/principal';
import { WebhookSigningService } from './webhook-signing.service';

class WebhookSigningStatusDto extends createZodDto(webhookSigningStatusSchema) {}
class WebhookSigningSecretDto extends createZodDto(webhookSigningSecretSchema) {}

/** The secret webhook nodes sign with (see README, "Verifying Postino's webhooks"). Only owners create or rotate it. */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/settings/webhook-signing')
export class WebhookSigningController {
  constructor(private readonly signing: WebhookSigningService) {}

  @Get()
  @ZodResponse({ status: 200, type: WebhookSigningStatusDto })
  status(@MerchantId() merchantId: string) {
    return this.signing.status(merchantId);
  }

  /** Creates the secret, or replaces it: the answer shows it this once, and deliveries from now on use it. */
  @Post('rotate')
  @HttpCode(200)
  @UserRoles('owner')
  @ZodResponse({ status: 200, type: WebhookSigningSecretDto })
  rotate(@MerchantId() merchantId: string) {
    return this.signing.rotate(merchantId);
  }
}
