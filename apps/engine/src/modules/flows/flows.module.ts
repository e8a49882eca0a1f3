import { Module } from '@nestjs/common';
import { EmailTemplatesModule } from '../email-templates/email-templates.module';
import { FlowVersionCache } from './flow-version.cache';
import { FlowRepository } from './flow.repository';
import { FlowsController } from './flows.controller';
import { FlowsService } from './flows.service';
import { PublishedFlowsCache } from './published-flows.cache';

/** Flows: drafts, publication into immutable versions, and the engine-side caches of what is published. */
@Module({
  imports: [EmailTemplatesModule],
  controllers: [FlowsController],
  providers: [FlowRepository, FlowsService, PublishedFlowsCache, FlowVersionCache],
  exports: [PublishedFlowsCache, FlowVersionCache],
})
export class FlowsModule {}
