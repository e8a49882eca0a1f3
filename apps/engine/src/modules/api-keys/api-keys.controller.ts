import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { createApiKeyRequestSchema } from '@postino/api-contract';
import { createZodDto } from 'nestjs-zod';
import { CurrentPrincipal, Principal, UserRoles } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ApiKeysService } from './api-keys.service';

class CreateApiKeyDto extends createZodDto(createApiKeyRequestSchema) {}

/** Keys are managed from the studio by owners only; a key cannot mint other keys. */
@ApiTags('api-keys')
@ApiCookieAuth()
@UserRoles('owner')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    return this.apiKeys.list(principal.merchantId);
  }

  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto) {
    return this.apiKeys.create(principal.merchantId, body.name, principal.kind === 'user' ? principal.userId : null);
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<void> {
    await this.apiKeys.revoke(principal.merchantId, id);
  }
}
