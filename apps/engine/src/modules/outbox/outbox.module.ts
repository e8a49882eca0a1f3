import { Module } from '@nestjs/common';
import { CapturedEmailRepository } from './captured-email.repository';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';

@Module({
  controllers: [OutboxController],
  providers: [CapturedEmailRepository, OutboxService],
})
export class OutboxModule {}
