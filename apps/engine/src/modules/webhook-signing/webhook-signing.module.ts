import { Module } from '@nestjs/common';
import { SecretBox } from '../../common/auth/secret-box';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { WebhookSigningController } from './webhook-signing.controller';
import { WebhookSigningRepository } from './webhook-signing.repository';
import { WEBHOOK_SIGNING_BOX, WebhookSigningService } from './webhook-signing.service';

/** The merchants' webhook signing secrets: the settings endpoint, and their reads for the webhook channel. */
@Module({
  controllers: [WebhookSigningController],
  providers: [
    WebhookSigningRepository,
    WebhookSigningService,
    {
      provide: WEBHOOK_SIGNING_BOX,
      inject: [ENGINE_CONFIG],
      useFactory: (config: EngineConfig) => new SecretBox(config.APP_SECRET, 'webhook-signing-secrets'),
    },
  ],
  exports: [WebhookSigningService],
})
export class WebhookSigningModule {}
