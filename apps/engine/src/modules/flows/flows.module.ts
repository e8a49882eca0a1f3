import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing/publishing.module';
import { FlowVersionCache } from './flow-version.cache';
import { FlowRepository } from './flow.repository';
import { FlowsController } from './flows.controller';
import { FlowsService } from './flows.service';
import { HeldWorkRepository } from './held-work.repository';
import { PublishedFlowsCache } from './published-flows.cache';

/**
 * Flows: drafts and publication into immutable versions (on the shared lifecycle, modules/publishing), pause and
 * archive with their held work, and the engine-side caches of what is published.
 */
@Module({
  imports: [PublishingModule],
  controllers: [FlowsController],
  providers: [FlowRepository, FlowsService, PublishedFlowsCache, FlowVersionCache, HeldWorkRepository],
  exports: [PublishedFlowsCache, FlowVersionCache, HeldWorkRepository],
})
export class FlowsModule {}
