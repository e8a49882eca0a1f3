import { Module } from '@nestjs/common';
import { CapturedEmailRepository } from './captured-email.repository';
import { CapturedSmsRepository } from './captured-sms.repository';
import { CapturedWebhookRepository } from './captured-webhook.repository';
import { OutboxController } from './outbox.controller';
import { OUTBOX_SOURCES, OutboxSource } from './outbox-source';
import { OutboxService } from './outbox.service';

/** The captures of each channel, one source each (outbox-source.ts). */
const SOURCES = [CapturedEmailRepository, CapturedSmsRepository, CapturedWebhookRepository];

@Module({
  controllers: [OutboxController],
  providers: [...SOURCES, { provide: OUTBOX_SOURCES, useFactory: (...sources: OutboxSource[]) => sources, inject: SOURCES }, OutboxService],
})
export class OutboxModule {}
