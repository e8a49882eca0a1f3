import { Module } from '@nestjs/common';
import { TrackingModule } from '../tracking/tracking.module';
import { OrderRepository } from './order.repository';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/** Orders: read here (with their customer and shipments), written by the shop-data service. */
@Module({
  imports: [TrackingModule],
  controllers: [OrdersController],
  providers: [OrderRepository, OrdersService],
  exports: [OrderRepository, OrdersService],
})
export class OrdersModule {}
