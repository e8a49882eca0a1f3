import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { DomainEventsModule } from '../domain-events/domain-events.module';
import { OrdersModule } from '../orders/orders.module';
import { ProductsModule } from '../products/products.module';
import { TrackingModule } from '../tracking/tracking.module';
import { IntakeService } from './intake.service';
import { ShopDataController } from './shop-data.controller';
import { ShopDataService } from './shop-data.service';

/**
 * Shop data in: ShopDataService applies a normalized batch (customers, orders, products, shipments) in one
 * transaction for every source — the REST API here, platform webhooks and CSV imports (import this module and
 * call `apply`, inside your own transaction if you need one).
 */
@Module({
  imports: [CustomersModule, ProductsModule, OrdersModule, TrackingModule, DomainEventsModule],
  controllers: [ShopDataController],
  providers: [ShopDataService, IntakeService],
  exports: [ShopDataService],
})
export class ShopDataModule {}
