import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  createFlowRequestSchema,
  flowDetailSchema,
  flowSummarySchema,
  flowVersionSchema,
  listFlowsQuerySchema,
  publishedFlowVersionSchema,
  publishRequestSchema,
  restoreVersionRequestSchema,
  saveFlowDraftRequestSchema,
  updateFlowRequestSchema,
  versionSummarySchema,
} from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { VersionNumberParam } from '../../common/http/version-number-param.pipe';
import { FlowsService } from './flows.service';

class CreateFlowDto extends createZodDto(createFlowRequestSchema) {}
class UpdateFlowDto extends createZodDto(updateFlowRequestSchema) {}
class SaveFlowDraftDto extends createZodDto(saveFlowDraftRequestSchema) {}
class PublishDto extends createZodDto(publishRequestSchema) {}
class RestoreVersionDto extends createZodDto(restoreVersionRequestSchema) {}
class ListFlowsQueryDto extends createZodDto(listFlowsQuerySchema) {}
class FlowSummaryDto extends createZodDto(flowSummarySchema) {}
class FlowDetailDto extends createZodDto(flowDetailSchema) {}
class FlowVersionDto extends createZodDto(flowVersionSchema) {}
class PublishedFlowVersionDto extends createZodDto(publishedFlowVersionSchema) {}
class VersionSummaryDto extends createZodDto(versionSummarySchema) {}

@ApiTags('flows')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/flows')
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  /** Newest first; archived flows only with `?archived=true` (then only they). */
  @Get()
  @ZodResponse({ status: 200, type: [FlowSummaryDto] })
  list(@MerchantId() merchantId: string, @Query() query: ListFlowsQueryDto) {
    return this.flows.list(merchantId, query.archived);
  }

  @Post()
  @ZodResponse({ status: 201, type: FlowDetailDto })
  create(@MerchantId() merchantId: string, @Body() body: CreateFlowDto) {
    return this.flows.create(merchantId, body);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.get(merchantId, id);
  }

  /** Renames and/or replaces the draft; with `revision`, only if the draft is still at it (else 409). */
  @Put(':id')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  update(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: UpdateFlowDto) {
    return this.flows.update(merchantId, id, body);
  }

  /** Saves the draft edited from `revision`: 409 `draft_conflict` with the current revision and draft when it moved on. */
  @Put(':id/draft')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  saveDraft(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: SaveFlowDraftDto) {
    return this.flows.saveDraft(merchantId, id, body);
  }

  /** Validates the draft (at `revision`, when given) and freezes it into the next version, pinning its templates' versions. */
  @Post(':id/publish')
  @ZodResponse({ status: 201, type: PublishedFlowVersionDto })
  publish(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: PublishDto) {
    return this.flows.publish(merchantId, id, body.revision);
  }

  /** No new runs; the due steps and messages of started runs wait until resumed. Changes a state, hence 200. */
  @Post(':id/pause')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  pause(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.apply(merchantId, id, 'pause');
  }

  /** Runs start again, and what was held goes on at once. */
  @Post(':id/resume')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  resume(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.apply(merchantId, id, 'resume');
  }

  /** Hidden from the list and held like a paused flow; nothing can be edited or published until unarchived. */
  @Post(':id/archive')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  archive(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.apply(merchantId, id, 'archive');
  }

  /** Back in the list: paused if it was published (resume it to send again), else a draft. */
  @Post(':id/unarchive')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  unarchive(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.apply(merchantId, id, 'unarchive');
  }

  /** Stops the flow triggering; its versions are kept and started runs finish. */
  @Post(':id/unpublish')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  unpublish(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.apply(merchantId, id, 'unpublish');
  }

  /** Newest first. */
  @Get(':id/versions')
  @ZodResponse({ status: 200, type: [VersionSummaryDto] })
  versions(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.flows.versions(merchantId, id);
  }

  /** A published version with its definition and the template versions it pins. */
  @Get(':id/versions/:version')
  @ZodResponse({ status: 200, type: FlowVersionDto })
  version(
    @MerchantId() merchantId: string,
    @Param('id', UuidParam) id: string,
    @Param('version', VersionNumberParam) version: number,
  ) {
    return this.flows.version(merchantId, id, version);
  }

  /** Makes the version's definition the draft, as a new revision (publish it to run it). */
  @Post(':id/versions/:version/restore')
  @ZodResponse({ status: 200, type: FlowDetailDto })
  restore(
    @MerchantId() merchantId: string,
    @Param('id', UuidParam) id: string,
    @Param('version', VersionNumberParam) version: number,
    @Body() body: RestoreVersionDto,
  ) {
    return this.flows.restore(merchantId, id, version, body.revision);
  }
}
