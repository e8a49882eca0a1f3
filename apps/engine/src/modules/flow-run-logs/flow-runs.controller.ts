import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { flowRunDetailSchema, flowRunPageSchema, listFlowRunsQuerySchema } from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { FlowRunLogsService } from './flow-run-logs.service';

class ListFlowRunsQueryDto extends createZodDto(listFlowRunsQuerySchema) {}
class FlowRunPageDto extends createZodDto(flowRunPageSchema) {}
class FlowRunDetailDto extends createZodDto(flowRunDetailSchema) {}

@ApiTags('flow runs')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/flow-runs')
export class FlowRunsController {
  constructor(private readonly runs: FlowRunLogsService) {}

  /** Newest first; filter by flow (and version), shipment and state (running, waiting, done, failed). */
  @Get()
  @ZodResponse({ status: 200, type: FlowRunPageDto })
  list(@MerchantId() merchantId: string, @Query() query: ListFlowRunsQueryDto) {
    return this.runs.list(merchantId, query);
  }

  /** One run with its log: each node it entered, how it left or what it waits for, and the messages it created. */
  @Get(':id')
  @ZodResponse({ status: 200, type: FlowRunDetailDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.runs.get(merchantId, id);
  }
}
