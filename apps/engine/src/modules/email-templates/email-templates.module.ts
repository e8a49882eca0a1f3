import { Module } from '@nestjs/common';
import { EmailTemplateRepository } from './email-template.repository';
import { EmailTemplatesController } from './email-templates.controller';
import { EmailTemplatesService } from './email-templates.service';
import { PublishedTemplatesCache } from './published-templates.cache';

/** E-mail templates: drafts, publication (MJML compiled once into immutable versions), and which version sends use. */
@Module({
  controllers: [EmailTemplatesController],
  providers: [EmailTemplateRepository, EmailTemplatesService, PublishedTemplatesCache],
  exports: [EmailTemplatesService, PublishedTemplatesCache],
})
export class EmailTemplatesModule {}
