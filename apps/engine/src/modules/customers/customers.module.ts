import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../domain-events/domain-events.module';
import { MessagingModule } from '../messaging/messaging.module';
import { OrdersModule } from '../orders/orders.module';
import { TrackingModule } from '../tracking/tracking.module';
import { ConsentsService } from './consents.service';
import { CustomerRepository } from './customer.repository';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';

/**
 * Customers and their two consents: read with their orders, shipments and messages; consents changed and
 * unsubscribes recorded here. Customers are written by the shop-data service.
 */
@Module({
  imports: [DomainEventsModule, OrdersModule, TrackingModule, MessagingModule],
  controllers: [CustomersController],
  providers: [CustomerRepository, CustomersService, ConsentsService],
  exports: [CustomerRepository],
})
export class CustomersModule {}
