import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getCarrier } from '@postino/carriers';
import { uuidParamSchema, type CreateShipmentRequest, type ListShipmentsQuery } from '@postino/api-contract';
import { DataSource } from 'typeorm';
import { randomToken } from '../../common/auth/secrets';
import { ApiError } from '../../common/http/api-error';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { TrackingEventApplier } from './tracking-event-applier';
import { detectCarrier } from './carrier-detection';
import { ShipmentRepository } from './shipment.repository';
import { shipmentView, trackingEventView } from './shipment-view';

// 24 random bytes = 192 bits: tracking links cannot be guessed or enumerated.
const TRACKING_TOKEN_BYTES = 24;

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

/** As `createdAtCursor` renders it: UTC with Postgres's microseconds. */
const CURSOR_TIME = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A real instant in the cursor's format: JS rolls 2026-02-30 over to March, Postgres refuses it (a 500). */
function isCursorTime(value: unknown): value is string {
  if (typeof value !== 'string' || !CURSOR_TIME.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isCursorTime(createdAt) && uuidParamSchema.safeParse(id).success) return { createdAt, id };
  } catch {
    // fall through to the validation error
  }
  throw ApiError.validation([{ field: 'cursor', message: 'is not a cursor returned by this API' }]);
}

@Injectable()
export class ShipmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly shipments: ShipmentRepository,
    private readonly applier: TrackingEventApplier,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async create(merchantId: string, input: CreateShipmentRequest) {
    const carrier = input.carrier ?? detectCarrier(input.trackingNumber);
    if (!carrier) {
      throw ApiError.validation([
        { field: 'carrier', message: 'could not be detected from the tracking number: send the carrier slug' },
      ]);
    }
    if (!getCarrier(carrier)) {
      throw ApiError.validation([{ field: 'carrier', message: `unknown carrier "${carrier}" (see GET /api/v1/carriers)` }]);
    }
    const created = await this.db.transaction(async (manager) => {
      await this.shipments.lockTrackingNumbers(manager, merchantId, [{ carrier, trackingNumber: input.trackingNumber }]);
      const shipment = await this.shipments.insert(manager, {
        merchantId,
        trackingNumber: input.trackingNumber,
        carrier,
        orderNumber: input.orderNumber ?? null,
        customerEmail: input.customer.email ?? null,
        customerPhone: input.customer.phone ?? null,
        customerName: input.customer.name ?? null,
        customerLocale: input.customer.locale ?? null,
        customerTimezone: input.customer.timezone ?? null,
        destinationCountry: input.destination?.country ?? null,
        destinationPostalCode: input.destination?.postalCode ?? null,
        destinationCity: input.destination?.city ?? null,
        promisedDeliveryDate: input.promisedDeliveryDate ?? null,
        trackingToken: randomToken(TRACKING_TOKEN_BYTES),
      });
      if (!shipment) return null;
      await this.applier.applyKeptEvents(manager, merchantId, shipment.id, carrier, input.trackingNumber);
      return this.shipments.findById(merchantId, shipment.id, manager);
    });
    if (!created) {
      const existing = await this.shipments.findIdByNumber(merchantId, carrier, input.trackingNumber);
      throw new ApiError(
        HttpStatus.CONFLICT,
        'shipment_exists',
        `A ${carrier} shipment with tracking number ${input.trackingNumber} already exists`,
        { id: existing },
      );
    }
    return shipmentView(created, this.config.PUBLIC_URL);
  }

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
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1] as (typeof page)[number] & { createdAtCursor: string };
    return {
      items: page.map((s) => shipmentView(s, this.config.PUBLIC_URL)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAtCursor, last.id) : null,
    };
  }
}
