import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { outboxListQuerySchema } from './outbox-list-query';
import { OutboxService } from './outbox.service';

class OutboxListQueryDto extends createZodDto(outboxListQuerySchema) {}

/** What the local capture servers (SMTP, SMS) received for this merchant's messages (the studio's Outbox). */
@ApiTags('outbox')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  list(@MerchantId() merchantId: string, @Query() query: OutboxListQueryDto) {
    return this.outbox.list(merchantId, query.channel ?? null, query.cursor, query.limit);
  }

  @Get(':id')
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.outbox.get(merchantId, id);
  }
}
