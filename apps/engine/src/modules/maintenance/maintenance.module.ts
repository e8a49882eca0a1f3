import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../common/idempotency/idempotency.module';
import { AuthModule } from '../auth/auth.module';
import { WebhookDeliveriesModule } from '../webhook-deliveries/webhook-deliveries.module';
import { MaintenanceProcessor } from './maintenance.processor';

@Module({ imports: [AuthModule, IdempotencyModule, WebhookDeliveriesModule], providers: [MaintenanceProcessor] })
export class MaintenanceModule {}
