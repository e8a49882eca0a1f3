import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { trackingEventsRequestSchema } from '@postino/api-contract';
import { createZodDto } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { TrackingIngestService } from './tracking-ingest.service';

class TrackingEventsDto extends createZodDto(trackingEventsRequestSchema) {}

@ApiTags('tracking-events')
@ApiBearerAuth()
@Controller('api/v1/tracking-events')
export class TrackingEventsController {
  constructor(private readonly ingest: TrackingIngestService) {}

  /**
   * Up to 1,000 carrier events per call. 202 with per-item results: `rejected` lists the events refused
   * and why; the others are stored (or recognised as duplicates).
   */
  @Post()
  @HttpCode(202)
  post(@MerchantId() merchantId: string, @Body() body: TrackingEventsDto) {
    return this.ingest.ingest(merchantId, body.events);
  }
}
