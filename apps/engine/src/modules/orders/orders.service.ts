import { Inject, Injectable } from '@nestjs/common';
import type { ListOrdersQuery } from '@postino/api-contract';
import { ApiError } from '../../common/http/api-error';
import { decodeKeyset, pageOf } from '../../common/http/keyset-cursor';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { customerView } from '../customers/customer-view';
import { ShipmentRepository } from '../tracking/shipment.repository';
import { shipmentSummaryView } from '../tracking/shipment-view';
import { orderView } from './order-view';
import { OrderRepository } from './order.repository';

/** An order has a handful of shipments (split deliveries); this many are shown with it. */
const SHIPMENTS_PER_ORDER = 100;

@Injectable()
export class OrdersService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly shipments: ShipmentRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async list(merchantId: string, query: ListOrdersQuery) {
    const rows = await this.orders.list(merchantId, {
      status: query.status,
      customerId: query.customerId,
      createdFrom: query.createdFrom,
      createdTo: query.createdTo,
      q: query.q || undefined,
      after: query.cursor ? decodeKeyset(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    return pageOf(rows, query.limit, orderView);
  }

  /** The order with its customer and its shipments (several for a split order). */
  async get(merchantId: string, id: string) {
    const order = await this.orders.findById(merchantId, id);
    if (!order) throw ApiError.notFound('Order');
    const [customer, shipments] = await Promise.all([
      this.orders.customerOf(merchantId, order),
      this.shipments.listFor(merchantId, { orderId: id }, SHIPMENTS_PER_ORDER),
    ]);
    return {
      ...orderView(order),
      customer: customer ? customerView(customer) : null,
      shipments: shipments.map((s) => shipmentSummaryView(s, this.config.PUBLIC_URL)),
    };
  }
}
