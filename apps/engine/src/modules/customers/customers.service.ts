import { Inject, Injectable } from '@nestjs/common';
import { CUSTOMER_DETAIL_LIMIT, type CustomerDetail, type ListCustomersQuery } from '@postino/api-contract';
import { ApiError } from '../../common/http/api-error';
import { decodeKeyset, pageOf } from '../../common/http/keyset-cursor';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { MessageRepository } from '../messaging/message.repository';
import { orderView } from '../orders/order-view';
import { OrderRepository } from '../orders/order.repository';
import { ShipmentRepository } from '../tracking/shipment.repository';
import { shipmentSummaryView } from '../tracking/shipment-view';
import { CustomerRepository } from './customer.repository';
import { customerView } from './customer-view';

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly orders: OrderRepository,
    private readonly shipments: ShipmentRepository,
    private readonly messages: MessageRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async list(merchantId: string, query: ListCustomersQuery) {
    const rows = await this.customers.list(merchantId, {
      q: query.q || undefined,
      after: query.cursor ? decodeKeyset(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    return pageOf(rows, query.limit, customerView);
  }

  /** One customer screen: consents and their history, and the newest orders, shipments and messages. */
  async get(merchantId: string, id: string): Promise<CustomerDetail> {
    const customer = await this.customers.findById(merchantId, id);
    if (!customer) throw ApiError.notFound('Customer');
    const [history, unsubscribes, orders, shipments, messages] = await Promise.all([
      this.customers.consentHistory(merchantId, id),
      this.customers.unsubscribes(merchantId, id),
      this.orders.listForCustomer(merchantId, id, CUSTOMER_DETAIL_LIMIT),
      this.shipments.listFor(merchantId, { customerId: id }, CUSTOMER_DETAIL_LIMIT),
      this.messages.listForCustomer(merchantId, id, CUSTOMER_DETAIL_LIMIT),
    ]);
    return {
      ...customerView(customer),
      consentHistory: history.map((h) => ({ ...h, at: h.at.toISOString() })),
      unsubscribes: unsubscribes.map((u) => ({ ...u, at: u.at.toISOString() })),
      orders: orders.map(orderView),
      shipments: shipments.map((s) => shipmentSummaryView(s, this.config.PUBLIC_URL)),
      messages: messages.map((m) => ({ ...m, sentAt: m.sentAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString() })),
    };
  }
}
