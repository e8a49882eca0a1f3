import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  createEmailTemplateRequestSchema,
  emailTemplateDetailSchema,
  emailTemplateSummarySchema,
  emailTemplateVersionSchema,
  pinnedFlowSchema,
  previewEmailTemplateRequestSchema,
  publishedEmailTemplateVersionSchema,
  publishRequestSchema,
  republishFlowsRequestSchema,
  republishFlowsResponseSchema,
  restoreVersionRequestSchema,
  saveEmailTemplateDraftRequestSchema,
  updateEmailTemplateRequestSchema,
  versionSummarySchema,
} from '@postino/api-contract';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { VersionNumberParam } from '../../common/http/version-number-param.pipe';
import { EmailTemplatesService } from './email-templates.service';

class CreateEmailTemplateDto extends createZodDto(createEmailTemplateRequestSchema) {}
class UpdateEmailTemplateDto extends createZodDto(updateEmailTemplateRequestSchema) {}
class SaveEmailTemplateDraftDto extends createZodDto(saveEmailTemplateDraftRequestSchema) {}
class PreviewEmailTemplateDto extends createZodDto(previewEmailTemplateRequestSchema) {}
class PublishDto extends createZodDto(publishRequestSchema) {}
class RestoreVersionDto extends createZodDto(restoreVersionRequestSchema) {}
class RepublishFlowsDto extends createZodDto(republishFlowsRequestSchema) {}
class EmailTemplateSummaryDto extends createZodDto(emailTemplateSummarySchema) {}
class EmailTemplateDetailDto extends createZodDto(emailTemplateDetailSchema) {}
class EmailTemplateVersionDto extends createZodDto(emailTemplateVersionSchema) {}
class PublishedEmailTemplateVersionDto extends createZodDto(publishedEmailTemplateVersionSchema) {}
class PinnedFlowDto extends createZodDto(pinnedFlowSchema) {}
class RepublishFlowsResponseDto extends createZodDto(republishFlowsResponseSchema) {}
class VersionSummaryDto extends createZodDto(versionSummarySchema) {}

@ApiTags('email-templates')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/email-templates')
export class EmailTemplatesController {
  constructor(private readonly templates: EmailTemplatesService) {}

  @Get()
  @ZodResponse({ status: 200, type: [EmailTemplateSummaryDto] })
  list(@MerchantId() merchantId: string) {
    return this.templates.list(merchantId);
  }

  @Post()
  @ZodResponse({ status: 201, type: EmailTemplateDetailDto })
  create(@MerchantId() merchantId: string, @Body() body: CreateEmailTemplateDto) {
    return this.templates.create(merchantId, body);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: EmailTemplateDetailDto })
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.templates.get(merchantId, id);
  }

  /** Edits the fields given; with `revision`, only if the draft is still at it (else 409). */
  @Put(':id')
  @ZodResponse({ status: 200, type: EmailTemplateDetailDto })
  update(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: UpdateEmailTemplateDto) {
    return this.templates.update(merchantId, id, body);
  }

  /** Saves the draft edited from `revision`: 409 `draft_conflict` with the current revision and draft when it moved on. */
  @Put(':id/draft')
  @ZodResponse({ status: 200, type: EmailTemplateDetailDto })
  saveDraft(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: SaveEmailTemplateDraftDto) {
    return this.templates.saveDraft(merchantId, id, body);
  }

  /** Compiles and freezes the next version; lists the flows still pinned to an older one. */
  @Post(':id/publish')
  @ZodResponse({ status: 201, type: PublishedEmailTemplateVersionDto })
  publish(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: PublishDto) {
    return this.templates.publish(merchantId, id, body.revision);
  }

  /** Newest first. */
  @Get(':id/versions')
  @ZodResponse({ status: 200, type: [VersionSummaryDto] })
  versions(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.templates.versions(merchantId, id);
  }

  @Get(':id/versions/:version')
  @ZodResponse({ status: 200, type: EmailTemplateVersionDto })
  version(
    @MerchantId() merchantId: string,
    @Param('id', UuidParam) id: string,
    @Param('version', VersionNumberParam) version: number,
  ) {
    return this.templates.version(merchantId, id, version);
  }

  /** Makes the version's subject and MJML the draft, as a new revision (publish it to send it). */
  @Post(':id/versions/:version/restore')
  @ZodResponse({ status: 200, type: EmailTemplateDetailDto })
  restore(
    @MerchantId() merchantId: string,
    @Param('id', UuidParam) id: string,
    @Param('version', VersionNumberParam) version: number,
    @Body() body: RestoreVersionDto,
  ) {
    return this.templates.restore(merchantId, id, version, body.revision);
  }

  /** The flows whose published version sends this template, with the version each pins and whether it is older. */
  @Get(':id/flows')
  @ZodResponse({ status: 200, type: [PinnedFlowDto] })
  flows(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.templates.pinnedFlows(merchantId, id);
  }

  /** Every flow pinned to an older version (or those named) gets a new version sending this one: one transaction. */
  @Post(':id/republish-flows')
  @ZodResponse({ status: 200, type: RepublishFlowsResponseDto })
  republishFlows(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: RepublishFlowsDto) {
    return this.templates.republishFlows(merchantId, id, body.flowIds);
  }

  /** Creates nothing, hence 200. */
  @Post(':id/preview')
  @HttpCode(200)
  preview(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: PreviewEmailTemplateDto) {
    return this.templates.preview(merchantId, id, body);
  }
}
