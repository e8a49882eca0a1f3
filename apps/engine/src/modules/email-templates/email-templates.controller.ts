import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  createEmailTemplateRequestSchema,
  previewEmailTemplateRequestSchema,
  updateEmailTemplateRequestSchema,
} from '@postino/api-contract';
import { createZodDto } from 'nestjs-zod';
import { MerchantId } from '../../common/auth/principal';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { EmailTemplatesService } from './email-templates.service';

class CreateEmailTemplateDto extends createZodDto(createEmailTemplateRequestSchema) {}
class UpdateEmailTemplateDto extends createZodDto(updateEmailTemplateRequestSchema) {}
class PreviewEmailTemplateDto extends createZodDto(previewEmailTemplateRequestSchema) {}

@ApiTags('email-templates')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/email-templates')
export class EmailTemplatesController {
  constructor(private readonly templates: EmailTemplatesService) {}

  @Get()
  list(@MerchantId() merchantId: string) {
    return this.templates.list(merchantId);
  }

  @Post()
  create(@MerchantId() merchantId: string, @Body() body: CreateEmailTemplateDto) {
    return this.templates.create(merchantId, body);
  }

  @Get(':id')
  get(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.templates.get(merchantId, id);
  }

  @Put(':id')
  update(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: UpdateEmailTemplateDto) {
    return this.templates.update(merchantId, id, body);
  }

  @Post(':id/publish')
  publish(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string) {
    return this.templates.publish(merchantId, id);
  }

  /** Creates nothing, hence 200. */
  @Post(':id/preview')
  @HttpCode(200)
  preview(@MerchantId() merchantId: string, @Param('id', UuidParam) id: string, @Body() body: PreviewEmailTemplateDto) {
    return this.templates.preview(merchantId, id, body);
  }
}
