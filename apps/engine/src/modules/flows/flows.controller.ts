import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { createFlowRequestSchema, updateFlowRequestSchema } from '@postino/api-contract';
import { createZodDto } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { FlowsService } from './flows.service';

class CreateFlowDto extends createZodDto(createFlowRequestSchema) {}
class UpdateFlowDto extends createZodDto(updateFlowRequestSchema) {}

@ApiTags('flows')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/flows')
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  @Get()
  list(@MerchantId() merchantId: string) {
    return this.flows.list(merchantId);
  }

  @Post()
  create(@MerchantId() merchantId: string, @Body() body: CreateFlowDto) {
    return this.flows.create(merchantId, body);
  }

  @Get(':id')
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.get(merchantId, id);
  }

  @Put(':id')
  update(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: UpdateFlowDto) {
    return this.flows.update(merchantId, id, body);
  }

  @Post(':id/publish')
  publish(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.publish(merchantId, id);
  }

  /** Changes a state rather than creating anything, hence 200. */
  @Post(':id/unpublish')
  @HttpCode(200)
  unpublish(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.unpublish(merchantId, id);
  }
}
