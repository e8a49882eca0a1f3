import { Module } from '@nestjs/common';
import { PinnedDependentsRepository } from './pinned-dependents.repository';
import { PublishingRepository } from './publishing.repository';
import { PublishingService } from './publishing.service';

/** The one lifecycle of drafts published into immutable versions: revisions, versions, restores, states, pins. */
@Module({
  providers: [PublishingRepository, PinnedDependentsRepository, PublishingService],
  exports: [PublishingService],
})
export class PublishingModule {}
