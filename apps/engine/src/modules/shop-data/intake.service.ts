import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateShipmentRequest, OrderInput, ProductInput } from '@postino/api-contract';
import { DataSource } from 'typeorm';
import { ApiError } from '../../common/http/api-error';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { OrdersService } from '../orders/orders.service';
import { ShipmentRepository } from '../tracking/shipment.repository';
import { shipmentView } from '../tracking/shipment-view';
import { resolveCarrier, ShopDataService } from './shop-data.service';

/** The REST API's writes of shop data: each request is one batch for ShopDataService (source `api`). */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly shopData: ShopDataService,
    private readonly orders: OrdersService,
    private readonly shipments: ShipmentRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** Creates the order, or updates the one with this number; answers with it, its customer and shipments. */
  async upsertOrder(merchantId: string, order: OrderInput) {
    const result = await this.shopData.apply(merchantId, { orders: [order] }, { source: 'api' });
    const [{ id, outcome }] = result.orders;
    return { outcome, order: await this.orders.get(merchantId, id) };
  }

  async upsertProducts(merchantId: string, products: ProductInput[]) {
    const result = await this.shopData.apply(merchantId, { products }, { source: 'api' });
    const byExternalId = new Map(result.products.map((p) => [p.externalId, p]));
    return { items: products.map((p) => byExternalId.get(p.externalId) as (typeof result.products)[number]) };
  }

  /**
   * `POST /api/v1/shipments` keeps its contract: it creates, and answers 409 with the id of a shipment the
   * merchant already has under this carrier and number (changing nothing). Its customer fields upsert the
   * customer; its order number links the order now or when it arrives.
   */
  async createShipment(merchantId: string, input: CreateShipmentRequest) {
    const carrier = resolveCarrier(input, null);
    const id = await this.db.transaction(async (manager) => {
      const result = await this.shopData.apply(merchantId, { shipments: [{ ...input, carrier }] }, { source: 'api', manager });
      const [shipment] = result.shipments;
      // The shipment existed: throwing rolls back whatever the batch changed, so the 409 changes nothing.
      if (shipment.outcome !== 'created') {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'shipment_exists',
          `A ${carrier} shipment with tracking number ${input.trackingNumber} already exists`,
          { id: shipment.id },
        );
      }
      return shipment.id;
    });
    const shipment = await this.shipments.findById(merchantId, id);
    return shipmentView(shipment as NonNullable<typeof shipment>, this.config.PUBLIC_URL);
  }
}
