import { Module } from '@nestjs/common';
import { EmailTemplateRepository } from './email-template.repository';
import { EmailTemplatesController } from './email-templates.controller';
import { EmailTemplatesService } from './email-templates.service';

@Module({
  controllers: [EmailTemplatesController],
  providers: [EmailTemplateRepository, EmailTemplatesService],
  exports: [EmailTemplatesService],
})
export class EmailTemplatesModule {}
