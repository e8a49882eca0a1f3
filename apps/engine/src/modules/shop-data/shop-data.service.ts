import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ShipmentInput, ShopDataBatch, ShopDataResult } from '@postino/api-contract';
import { getCarrier } from '@postino/carriers';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { randomToken } from '../../common/auth/secrets';
import { ApiError } from '../../common/http/api-error';
import { Clock } from '../clock/clock';
import { CustomerRepository } from '../customers/customer.repository';
import { planCustomer } from '../customers/customer-upsert';
import type { CustomerRow } from '../customers/customer';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import {
  CUSTOMER_CONSENT_CHANGED,
  ORDER_CANCELLED,
  ORDER_CREATED,
  ORDER_UPDATED,
  SHIPMENT_CREATED,
  type DomainEvent,
} from '../domain-events/domain-event-types';
import { OrderRepository } from '../orders/order.repository';
import { planOrder } from '../orders/order-upsert';
import { ProductRepository } from '../products/product.repository';
import { planProduct } from '../products/product-upsert';
import { detectCarrier } from '../tracking/carrier-detection';
import { ShipmentRepository } from '../tracking/shipment.repository';
import { TrackingEventApplier } from '../tracking/tracking-event-applier';
import { planBatch, type BatchPlan } from './batch-plan';
import { planShipment, withOrderCustomer } from './shipment-upsert';

// 24 random bytes = 192 bits: tracking links cannot be guessed or enumerated.
const TRACKING_TOKEN_BYTES = 24;

export interface ApplyOptions {
  /**
   * Where the data comes from (api, shopify, woocommerce, csv_import): the source recorded for consents the
   * data declares without one.
   */
  source: string;
  /**
   * A transaction of the caller's to write in (e.g. a webhook recording its delivery id in the same one);
   * without it the batch gets a transaction of its own.
   */
  manager?: EntityManager;
}

const keyOf = (k: { carrier: string; trackingNumber: string }) => `${k.carrier}\u0000${k.trackingNumber}`;

/** What every step of one batch's write shares: its transaction, merchant, time and the events it gathers. */
interface Step {
  manager: EntityManager;
  merchantId: string;
  now: Date;
  events: DomainEvent[];
}

/**
 * The one write path of shop data, whatever its source: a batch of customers, orders (with their line items),
 * products and shipments lands in one transaction, with a fixed number of statements whatever its size, with
 * its outbox events (`customer.consent_changed`, `order.created|updated|cancelled`, `shipment.created`, and the
 * `shipment.status_changed` of carrier events that were waiting for a new shipment). Writing the same batch
 * again changes nothing and emits nothing. Locks are taken in one order — customers, products, order numbers,
 * shipment rows (id order), tracking numbers — so concurrent batches and tracking ingest cannot deadlock.
 */
@Injectable()
export class ShopDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly customers: CustomerRepository,
    private readonly products: ProductRepository,
    private readonly orders: OrderRepository,
    private readonly shipments: ShipmentRepository,
    private readonly trackingEvents: TrackingEventApplier,
    private readonly domainEvents: DomainEventRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies a batch validated with `shopDataBatchSchema` (or its item schemas). A shipment whose carrier is
   * neither given nor detectable from its number refuses the batch with a 400 naming `shipments.<i>.carrier`.
   */
  async apply(merchantId: string, batch: Partial<ShopDataBatch>, options: ApplyOptions): Promise<ShopDataResult> {
    const plan = planBatch(batch, resolveCarrier);
    if (!options.manager) return this.db.transaction((manager) => this.write(manager, merchantId, plan, options.source));
    if (!options.manager.queryRunner?.isTransactionActive) {
      throw new Error('ShopDataService.apply: the manager given must be inside a transaction');
    }
    return this.write(options.manager, merchantId, plan, options.source);
  }

  private async write(manager: EntityManager, merchantId: string, plan: BatchPlan, source: string): Promise<ShopDataResult> {
    const step: Step = { manager, merchantId, now: this.clock.now(), events: [] };
    const customers = await this.writeCustomers(step, plan, source);
    const customerIdOf = (email: string | undefined) => (email ? (customers.byEmail.get(email.toLowerCase())?.id ?? null) : null);
    const products = await this.writeProducts(step, plan);
    const orders = await this.writeOrders(step, plan, customerIdOf);
    const shipments = await this.writeShipments(step, plan, customerIdOf, orders, customers.byId);
    await this.domainEvents.append(manager, merchantId, step.events);
    // After the shipments' own events: the status changes of carrier events that were waiting for them.
    await this.trackingEvents.applyKeptEvents(manager, merchantId, shipments.created);
    return {
      customers: customers.planned.map((c) => ({ id: c.row.id, email: c.row.email as string, outcome: c.outcome })),
      orders: orders.planned.map((o) => ({ id: o.row.id, number: o.row.number, outcome: o.outcome })),
      products: products.map((p) => ({ id: p.row.id, externalId: p.row.externalId, outcome: p.outcome })),
      shipments: shipments.planned.map(({ row, outcome }) => ({
        id: row.id,
        carrier: row.carrier,
        trackingNumber: row.trackingNumber,
        orderId: row.orderId,
        outcome,
      })),
    };
  }

  /** Locked by e-mail, read, decided (fields, consents), written: one upsert and one history insert. */
  private async writeCustomers({ manager, merchantId, now, events }: Step, plan: BatchPlan, source: string) {
    const emails = [...plan.customers.keys()];
    await this.customers.lockEmails(manager, merchantId, emails);
    const stored = new Map((await this.customers.findByEmails(manager, merchantId, emails)).map((c) => [(c.email as string).toLowerCase(), c]));
    const planned = [...plan.customers].map(([email, upsert]) => ({
      email,
      ...planCustomer(stored.get(email) ?? null, upsert, { id: randomUUID(), merchantId, source, now }),
    }));
    await this.customers.writeMany(manager, merchantId, planned.filter((c) => c.outcome !== 'unchanged').map((c) => c.row));
    const changes = planned.flatMap((c) => c.consentChanges.map((change) => ({ customerId: c.row.id, change })));
    await this.customers.recordConsentChanges(manager, merchantId, changes);
    for (const { customerId, change } of changes) {
      events.push({
        type: CUSTOMER_CONSENT_CHANGED,
        payload: { merchantId, customerId, purpose: change.purpose, from: change.from, to: change.state, source: change.source },
      });
    }
    return {
      planned,
      byEmail: new Map<string, CustomerRow>(planned.map((c) => [c.email, c.row])),
      byId: new Map<string, CustomerRow>(planned.map((c) => [c.row.id, c.row])),
    };
  }

  private async writeProducts({ manager, merchantId, now }: Step, plan: BatchPlan) {
    const externalIds = [...plan.products.keys()];
    await this.products.lockExternalIds(manager, merchantId, externalIds);
    const stored = new Map((await this.products.findByExternalIds(manager, merchantId, externalIds)).map((p) => [p.externalId, p]));
    const planned = [...plan.products.values()].map((input) =>
      planProduct(stored.get(input.externalId) ?? null, input, { id: randomUUID(), merchantId, now }),
    );
    await this.products.writeMany(manager, merchantId, planned.filter((p) => p.outcome !== 'unchanged').map((p) => p.row));
    return planned;
  }

  /** Locks the batch's order numbers and those its shipments name (one statement), so both link whoever is first. */
  private async writeOrders({ manager, merchantId, now, events }: Step, plan: BatchPlan, customerIdOf: (email?: string) => string | null) {
    const named = plan.shipments.flatMap((s) => (s.input.orderNumber ? [s.input.orderNumber] : []));
    const numbers = [...new Set([...plan.orders.keys(), ...named])];
    await this.orders.lockNumbers(manager, merchantId, numbers);
    const stored = new Map((await this.orders.findByNumbers(manager, merchantId, numbers)).map((o) => [o.number, o]));
    const planned = [...plan.orders.values()].map((input) =>
      planOrder(stored.get(input.number) ?? null, input, { id: randomUUID(), merchantId, customerId: customerIdOf(input.customer?.email), now }),
    );
    await this.orders.writeMany(manager, merchantId, planned.filter((o) => o.outcome !== 'unchanged').map((o) => o.row));
    for (const { row, outcome, changed, cancelledFrom } of planned) {
      const payload = { merchantId, orderId: row.id, orderNumber: row.number, customerId: row.customerId, status: row.status };
      if (outcome === 'created') events.push({ type: ORDER_CREATED, payload });
      if (outcome === 'updated') events.push({ type: ORDER_UPDATED, payload: { ...payload, changed } });
      if (cancelledFrom) events.push({ type: ORDER_CANCELLED, payload: { ...payload, from: cancelledFrom } });
    }
    const known = [...stored.values(), ...planned.map((o) => o.row)];
    const ids = new Map(known.map((o) => [o.number, o.id]));
    const customerIds = new Map(known.map((o) => [o.id, o.customerId]));
    return { planned, idOf: (number: string) => ids.get(number) ?? null, customerIdOf: (id: string) => customerIds.get(id) ?? null };
  }

  /**
   * The batch's shipments and those waiting for one of its orders: rows locked in id order (as ingest locks
   * them), then the tracking-number locks of new ones (as ingest takes them), decided, written in one upsert.
   * A shipment naming no customer takes its order's; order customers not in the batch are read in one statement.
   */
  private async writeShipments(
    { manager, merchantId, now, events }: Step,
    plan: BatchPlan,
    customerIdOf: (email?: string) => string | null,
    orders: { idOf: (number: string) => string | null; customerIdOf: (orderId: string) => string | null },
    batchCustomers: Map<string, CustomerRow>,
  ) {
    const orderIdOf = orders.idOf;
    const keys = plan.shipments.map((s) => ({ carrier: s.carrier, trackingNumber: s.input.trackingNumber }));
    const locked = await this.shipments.lockForIntake(manager, merchantId, keys, [...plan.orders.keys()]);
    const stored = new Map(locked.map((s) => [keyOf(s), s]));
    const missing = keys.filter((k) => !stored.has(keyOf(k)));
    if (missing.length > 0) {
      await this.shipments.lockTrackingNumbers(manager, merchantId, missing);
      for (const s of await this.shipments.lockForIntake(manager, merchantId, missing, [])) stored.set(keyOf(s), s);
    }
    const namedOrders = [...plan.shipments.map((s) => s.input.orderNumber), ...[...stored.values()].map((s) => s.orderNumber)];
    const unreadCustomers = new Set<string>();
    for (const number of namedOrders) {
      const customerId = number ? orders.customerIdOf(orderIdOf(number) ?? '') : null;
      if (customerId && !batchCustomers.has(customerId)) unreadCustomers.add(customerId);
    }
    const orderCustomers = new Map(batchCustomers);
    for (const c of await this.customers.findByIds(manager, merchantId, [...unreadCustomers])) orderCustomers.set(c.id, c);
    const customerOfOrder = (orderId: string) => orderCustomers.get(orders.customerIdOf(orderId) ?? '') ?? null;
    const planned = plan.shipments.map((item) =>
      planShipment(stored.get(keyOf({ carrier: item.carrier, trackingNumber: item.input.trackingNumber })) ?? null, item, {
        id: randomUUID(),
        merchantId,
        trackingToken: randomToken(TRACKING_TOKEN_BYTES),
        now,
        customerId: customerIdOf(item.input.customer?.email),
        orderIdOf,
        customerOfOrder,
      }),
    );
    const inBatch = new Set(planned.map((s) => s.row.id));
    const nowLinked = locked
      .filter((s) => !inBatch.has(s.id) && s.orderId === null && s.orderNumber !== null && orderIdOf(s.orderNumber))
      .map((s) => withOrderCustomer({ ...s, orderId: orderIdOf(s.orderNumber as string) }, customerOfOrder));
    const written = [...planned.filter((s) => s.outcome !== 'unchanged').map((s) => s.row), ...nowLinked];
    await this.shipments.writeIntake(manager, merchantId, written, now);
    const created = planned.filter((s) => s.outcome === 'created').map((s) => s.row);
    for (const s of created) {
      events.push({
        type: SHIPMENT_CREATED,
        payload: { merchantId, shipmentId: s.id, orderId: s.orderId, carrier: s.carrier, trackingNumber: s.trackingNumber },
      });
    }
    return { planned, created };
  }
}

/** The carrier slug a shipment names, or the one its tracking number points to; a 400 naming the field otherwise. */
export function resolveCarrier(shipment: ShipmentInput, index: number | null): string {
  const field = index === null ? 'carrier' : `shipments.${index}.carrier`;
  const carrier = shipment.carrier ?? detectCarrier(shipment.trackingNumber);
  if (!carrier) {
    throw ApiError.validation([{ field, message: 'could not be detected from the tracking number: send the carrier slug' }]);
  }
  if (!getCarrier(carrier)) throw ApiError.validation([{ field, message: `unknown carrier "${carrier}" (see GET /api/v1/carriers)` }]);
  return carrier;
}
