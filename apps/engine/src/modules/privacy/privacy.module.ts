import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

/** Export and erasure of one customer's data across customers, orders, shipments, messages and captured e-mails. */
@Module({ imports: [CustomersModule], controllers: [PrivacyController], providers: [PrivacyRepository, PrivacyService] })
export class PrivacyModule {}
