import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { flowVersionCountersSchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { VersionNumberParam } from '../../common/http/version-number-param.pipe';
import { FlowRunLogsService } from './flow-run-logs.service';

class FlowVersionCountersDto extends createZodDto(flowVersionCountersSchema) {}

/** Per-node counters of a flow version, over all its runs (the canvas draws them on its nodes and edges). */
@ApiTags('flows')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/flows')
export class FlowCountersController {
  constructor(private readonly runs: FlowRunLogsService) {}

  /** The counters of the version that runs now (404 while the flow has none published). */
  @Get(':id/counters')
  @ZodResponse({ status: 200, type: FlowVersionCountersDto })
  live(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.runs.countersOf(merchantId, id, null);
  }

  @Get(':id/versions/:version/counters')
  @ZodResponse({ status: 200, type: FlowVersionCountersDto })
  ofVersion(
    @MerchantId() merchantId: string,
    @Param('id', UuidParam) id: string,
    @Param('version', VersionNumberParam) version: number,
  ) {
    return this.runs.countersOf(merchantId, id, version);
  }
}
