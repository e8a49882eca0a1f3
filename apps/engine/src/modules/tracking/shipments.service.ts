import { Inject, Injectable } from '@nestjs/common';
import type { ListShipmentsQuery } from '@postino/api-contract';
import { ApiError } from '../../common/http/api-error';
import { decodeKeyset, pageOf } from '../../common/http/keyset-cursor';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { ShipmentRepository } from './shipment.repository';
import { shipmentView, trackingEventView } from './shipment-view';

/** Reads shipments; they are created and updated by the shop-data service (POST /api/v1/shipments among others). */
@Injectable()
export class ShipmentsService {
  constructor(
    private readonly shipments: ShipmentRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async get(merchantId: string, id: string) {
    const shipment = await this.shipments.findById(merchantId, id);
    if (!shipment) throw ApiError.notFound('Shipment');
    const events = await this.shipments.events(merchantId, id);
    return {
      ...shipmentView(shipment, this.config.PUBLIC_URL),
      lastEvent: events[0] ? trackingEventView(events[0]) : null,
      events: events.map(trackingEventView),
    };
  }

  async list(merchantId: string, query: ListShipmentsQuery) {
    const rows = await this.shipments.list(merchantId, {
      status: query.status,
      carrier: query.carrier,
      q: query.q || undefined,
      after: query.cursor ? decodeKeyset(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    return pageOf(rows, query.limit, (s) => shipmentView(s, this.config.PUBLIC_URL));
  }
}
