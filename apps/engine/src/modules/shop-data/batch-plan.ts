import type { CustomerInput, OrderInput, ProductInput, ShipmentInput, ShopDataBatch } from '@postino/api-contract';
import type { CustomerUpsert } from '../customers/customer-upsert';

/** A batch with one entry per key, in the order keys first appear; a later item with the same key wins. */
export interface BatchPlan {
  /** By lower-cased e-mail: the batch's customers and those its orders and shipments name. */
  customers: Map<string, CustomerUpsert>;
  orders: Map<string, OrderInput>;
  products: Map<string, ProductInput>;
  /** By carrier and tracking number, the carrier resolved (given or detected). */
  shipments: { carrier: string; input: ShipmentInput }[];
}

/** Only what the item says: an absent field never erases one said earlier in the batch. */
function mergeCustomer(earlier: CustomerInput | undefined, later: CustomerInput): CustomerInput {
  if (!earlier) return later;
  const defined = Object.fromEntries(Object.entries(later).filter(([, value]) => value !== undefined)) as CustomerInput;
  const consents = earlier.consents || later.consents ? { ...earlier.consents, ...later.consents } : undefined;
  return { ...earlier, ...defined, consents };
}

function lastByKey<T>(items: T[], keyOf: (item: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return byKey;
}

/**
 * Groups a validated batch by key. Customers come from orders and shipments first, then from `customers`,
 * so a full customer record wins over the few fields embedded in an order. A customer named by an order (or,
 * failing that, a shipment) has bought something: transactional consent follows by default.
 */
export function planBatch(
  batch: Partial<ShopDataBatch>,
  carrierOf: (shipment: ShipmentInput, index: number) => string,
): BatchPlan {
  const orders = lastByKey(batch.orders ?? [], (o) => o.number);
  const products = lastByKey(batch.products ?? [], (p) => p.externalId);
  const customers = new Map<string, CustomerUpsert>();
  const mention = (input: CustomerInput, purchase: CustomerUpsert['purchase'], countryHint: string | null) => {
    const key = input.email.toLowerCase();
    const known = customers.get(key);
    customers.set(key, {
      input: mergeCustomer(known?.input, input),
      purchase: known?.purchase === 'order' ? 'order' : (purchase ?? known?.purchase ?? null),
      countryHint: countryHint ?? known?.countryHint ?? null,
    });
  };
  for (const order of orders.values()) {
    if (order.customer) mention(order.customer, 'order', order.shippingAddress?.country ?? null);
  }
  for (const shipment of batch.shipments ?? []) {
    const email = shipment.customer?.email;
    if (shipment.customer && email) {
      const { email: _, phone, name, locale, timezone } = shipment.customer;
      mention({ email, phone, name, locale, timezone }, 'shipment', shipment.destination?.country ?? null);
    }
  }
  for (const customer of batch.customers ?? []) mention(customer, null, null);
  const resolved = (batch.shipments ?? []).map((input, index) => ({ carrier: carrierOf(input, index), input }));
  const shipments = [...lastByKey(resolved, (s) => `${s.carrier}\u0000${s.input.trackingNumber}`).values()];
  return { customers, orders, products, shipments };
}
