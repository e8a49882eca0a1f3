import { Module } from '@nestjs/common';
import { TrackingPageController } from './tracking-page.controller';
import { TrackingPageRepository } from './tracking-page.repository';
import { TrackingPageService } from './tracking-page.service';

@Module({
  controllers: [TrackingPageController],
  providers: [TrackingPageRepository, TrackingPageService],
})
export class TrackingPageModule {}
