import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_TIME_ZONE, type FactSubject, localDate, type RunFacts, runTimeZone } from '@postino/flow-model';
import { DataSource } from 'typeorm';
import type { ShipmentRow } from '../tracking/shipment';
import type { StepContext } from './node-executor';

interface FactsRow {
  shipmentId: string;
  order: NonNullable<RunFacts['order']> | null;
  customer: NonNullable<RunFacts['customer']> | null;
  shopTimeZone: string | null;
}

/**
 * What conditions, switches, splits and local-time waits know about a run (RunFacts): the shipment the step
 * already has, plus its order (with its products' tags), its customer and the shop's time zone (its sending
 * policy), read for a whole batch in one statement — and only when a step asks about any of them. Read-only:
 * orders, customers and policies are written by their own modules.
 */
@Injectable()
export class RunFactsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The facts of each step's shipment, by shipment id, as of `now`. */
  async load(steps: StepContext[], subjects: ReadonlySet<FactSubject>): Promise<Map<string, RunFacts>> {
    if (steps.length === 0) return new Map();
    const shipments = new Map(steps.map((step) => [step.shipment.id, step.shipment]));
    const needsRows = subjects.has('order') || subjects.has('customer') || subjects.has('shop');
    const rows = needsRows ? await this.ordersCustomersAndShops([...shipments.values()]) : [];
    const byShipment = new Map(rows.map((row) => [row.shipmentId, row]));
    // Every step of a batch is decided at the same clock time.
    const now = steps[0].now;
    return new Map(
      [...shipments.values()].map((shipment) => {
        const row = byShipment.get(shipment.id);
        const partial = {
          shipment: shipmentFacts(shipment),
          order: row?.order ?? null,
          customer: row?.customer ?? null,
          shop: { timeZone: row?.shopTimeZone ?? DEFAULT_TIME_ZONE },
        };
        return [shipment.id, { ...partial, today: localDate(now, runTimeZone(partial)) }];
      }),
    );
  }

  /** An erased customer counts as none: nothing about them may steer a flow any more. */
  private ordersCustomersAndShops(shipments: ShipmentRow[]): Promise<FactsRow[]> {
    return this.db.query(
      `SELECT k.shipment_id AS "shipmentId",
              CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object(
                'currency', o.currency, 'totalMinor', o.total_minor::float8, 'subtotalMinor', o.subtotal_minor::float8,
                'discountCodes', o.discount_codes,
                'itemCount', (SELECT coalesce(sum((li->>'quantity')::int), 0) FROM jsonb_array_elements(o.line_items) li),
                'productTags', (SELECT coalesce(array_agg(DISTINCT tag), '{}')
                                  FROM jsonb_array_elements(o.line_items) li
                                  JOIN products p ON p.merchant_id = o.merchant_id AND p.external_id = li->>'productId',
                                       unnest(p.tags) tag)) END AS "order",
              CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object(
                'tags', c.tags, 'locale', c.locale, 'country', c.country, 'timezone', c.timezone,
                'marketingConsent', c.marketing_consent, 'transactionalConsent', c.transactional_consent) END AS customer,
              sp.timezone AS "shopTimeZone"
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[]) AS k(merchant_id, shipment_id, order_id, customer_id)
         LEFT JOIN orders o ON o.merchant_id = k.merchant_id AND o.id = k.order_id
         LEFT JOIN customers c ON c.merchant_id = k.merchant_id AND c.id = k.customer_id AND c.erased_at IS NULL
         LEFT JOIN sending_policies sp ON sp.merchant_id = k.merchant_id`,
      [
        shipments.map((s) => s.merchantId),
        shipments.map((s) => s.id),
        shipments.map((s) => s.orderId),
        shipments.map((s) => s.customerId),
      ],
    );
  }
}

function shipmentFacts(shipment: ShipmentRow): RunFacts['shipment'] {
  return {
    id: shipment.id,
    status: shipment.status,
    substatus: shipment.substatus,
    carrier: shipment.carrier,
    destinationCountry: shipment.destinationCountry,
    destinationPostalCode: shipment.destinationPostalCode,
    promisedDeliveryDate: shipment.promisedDeliveryDate,
    customerId: shipment.customerId,
    customerEmail: shipment.customerEmail,
    customerLocale: shipment.customerLocale,
    customerTimezone: shipment.customerTimezone,
    tags: shipment.tags,
  };
}
