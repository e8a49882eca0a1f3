import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { flowDryRunRequestSchema, flowDryRunResponseSchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { FlowDryRunService } from './flow-dry-run.service';

class FlowDryRunDto extends createZodDto(flowDryRunRequestSchema) {}
class FlowDryRunResponseDto extends createZodDto(flowDryRunResponseSchema) {}

@ApiTags('flows')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/flows')
export class FlowDryRunController {
  constructor(private readonly dryRuns: FlowDryRunService) {}

  /**
   * What the flow (`version`: the draft by default, or a published version number) would do, with no side
   * effect: `{shipmentId}` → the path that shipment takes, each decision and the rendered messages;
   * `{from, to}` → counts per node and port over the shipments with events in that range, and a few messages.
   */
  @Post(':id/dry-run')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: FlowDryRunResponseDto })
  dryRun(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: FlowDryRunDto) {
    return this.dryRuns.dryRun(merchantId, id, body);
  }
}
