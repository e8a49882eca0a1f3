import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  createIntegrationRequestSchema,
  integrationListSchema,
  integrationViewSchema,
  integrationWithSecretSchema,
  rotateIntegrationSecretRequestSchema,
} from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId, UserRoles } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { IntegrationsService } from './integrations.service';

class CreateIntegrationDto extends createZodDto(createIntegrationRequestSchema) {}
class RotateIntegrationSecretDto extends createZodDto(rotateIntegrationSecretRequestSchema) {}
class IntegrationDto extends createZodDto(integrationViewSchema) {}
class IntegrationWithSecretDto extends createZodDto(integrationWithSecretSchema) {}
class IntegrationListDto extends createZodDto(integrationListSchema) {}

/**
 * Shop integrations (settings): every user and API key of the merchant reads them; only owners, from the
 * studio, create them, rotate their secret and delete them — as with API keys, a secret is shown once.
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/settings/integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  /** Newest first, each with its hook URL and last delivery; never a secret. */
  @Get()
  @ZodResponse({ status: 200, type: IntegrationListDto })
  list(@MerchantId() merchantId: string) {
    return this.integrations.list(merchantId);
  }

  /**
   * Connects a shop: answers the hook URL to paste into the shop's webhook settings and the signing secret,
   * this once. Shopify signs with its own key: send it as `secret`. For WooCommerce leave `secret` out and paste
   * the generated one into the webhook's Secret field.
   */
  @Post()
  @UserRoles('owner')
  @HttpCode(201)
  @ZodResponse({ status: 201, type: IntegrationWithSecretDto })
  create(@MerchantId() merchantId: string, @Body() body: CreateIntegrationDto) {
    return this.integrations.create(merchantId, body);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: IntegrationDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.integrations.get(merchantId, id);
  }

  /** Replaces the secret (the one sent, or a generated one, answered this once); the old one stops verifying at once. */
  @Post(':id/rotate-secret')
  @UserRoles('owner')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: IntegrationWithSecretDto })
  rotateSecret(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: RotateIntegrationSecretDto) {
    return this.integrations.rotateSecret(merchantId, id, body);
  }

  /** Its hook URL answers 404 from now on; the orders, customers, products and shipments it brought stay. */
  @Delete(':id')
  @UserRoles('owner')
  @HttpCode(204)
  async remove(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string): Promise<void> {
    await this.integrations.remove(merchantId, id);
  }
}
