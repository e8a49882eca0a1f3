import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../common/idempotency/idempotency.module';
import { AuthModule } from '../auth/auth.module';
import { MaintenanceProcessor } from './maintenance.processor';

@Module({ imports: [AuthModule, IdempotencyModule], providers: [MaintenanceProcessor] })
export class MaintenanceModule {}
