import { Module } from '@nestjs/common';
import { EmailTemplatesModule } from '../email-templates/email-templates.module';
import { FlowRepository } from './flow.repository';
import { FlowsController } from './flows.controller';
import { FlowsService } from './flows.service';

@Module({
  imports: [EmailTemplatesModule],
  controllers: [FlowsController],
  providers: [FlowRepository, FlowsService],
  exports: [FlowsService],
})
export class FlowsModule {}
