import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing/publishing.module';
import { EmailTemplateRepository } from './email-template.repository';
import { EmailTemplatesController } from './email-templates.controller';
import { EmailTemplatesService } from './email-templates.service';

/**
 * E-mail templates: drafts and publication (MJML compiled once into immutable versions) on the shared lifecycle
 * (modules/publishing); which flows pin which version; the content sends render.
 */
@Module({
  imports: [PublishingModule],
  controllers: [EmailTemplatesController],
  providers: [EmailTemplateRepository, EmailTemplatesService],
  exports: [EmailTemplatesService],
})
export class EmailTemplatesModule {}
