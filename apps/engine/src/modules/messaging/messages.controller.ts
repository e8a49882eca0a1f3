import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MerchantId } from '../../common/auth/principal';
import { MessageRepository } from './message.repository';

class ListMessagesQueryDto extends createZodDto(z.object({ shipmentId: z.string().uuid('must be a shipment id (UUID)') })) {}

@ApiTags('messages')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/messages')
export class MessagesController {
  constructor(private readonly messages: MessageRepository) {}

  /** The messages of one shipment, newest first, each with its state history. */
  @Get()
  async list(@MerchantId() merchantId: string, @Query() query: ListMessagesQueryDto) {
    return { items: await this.messages.listForShipment(merchantId, query.shipmentId) };
  }
}
