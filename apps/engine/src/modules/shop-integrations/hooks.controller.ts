import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { hookAnswerSchema, SHOP_PLATFORMS } from '@postino/api-contract';
import type { Request } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../../common/auth/principal';
import { SHOP_HOOKS_PATH } from './hook-url';
import { HookIntakeService } from './hook-intake.service';

class HookAnswerDto extends createZodDto(hookAnswerSchema) {}

/** Shop webhooks: public, authenticated by their signature. The body arrives raw (see common/http/raw-body.ts). */
@ApiTags('hooks')
@Public()
@Controller(SHOP_HOOKS_PATH)
export class HooksController {
  constructor(private readonly intake: HookIntakeService) {}

  @Post(':platform/:integrationId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a signed Shopify or WooCommerce webhook',
    description:
      'The URL of an integration (GET /api/v1/settings/integrations). The signature — X-Shopify-Hmac-Sha256 or ' +
      'X-WC-Webhook-Signature, the base64 HMAC-SHA256 of the raw body with the integration’s secret — is checked ' +
      'before anything is read. Topics: Shopify orders/create, orders/updated, orders/cancelled, fulfillments/create, ' +
      'fulfillments/update, products/create, products/update, customers/create, customers/update, ' +
      'customers_email_marketing_consent/update; WooCommerce order.created, order.updated, product.created, ' +
      'product.updated. Answers: 200 applied, ignored (another topic, or nothing to write), duplicate (a delivery ' +
      'id received before: nothing is written twice) or ping (WooCommerce’s unsigned webhook_id= test); 401 for a ' +
      'bad signature (nothing stored); 404 for an unknown integration; 400 naming the problem for a body that is ' +
      'not the topic’s JSON; 413 above the body limit.',
  })
  @ApiParam({ name: 'platform', enum: SHOP_PLATFORMS })
  @ApiHeader({ name: 'X-Shopify-Hmac-Sha256 / X-WC-Webhook-Signature', required: true, description: 'base64 HMAC-SHA256 of the raw body' })
  @ApiHeader({ name: 'X-Shopify-Topic / X-WC-Webhook-Topic', required: true })
  @ApiHeader({ name: 'X-Shopify-Webhook-Id / X-WC-Webhook-Delivery-ID', required: true, description: 'deduplicates retries' })
  @ApiConsumes('application/json')
  @ApiBody({ schema: { type: 'object', description: 'The platform’s payload for the topic' } })
  @ZodResponse({ status: 200, type: HookAnswerDto })
  receive(@Param('platform') platform: string, @Param('integrationId') integrationId: string, @Req() req: Request) {
    return this.intake.receive(platform, integrationId, req.body, req.headers);
  }
}
