import { fromMinorUnits, toMinorUnits } from '@postino/api-contract';
import { z } from 'zod';
import { carrierSlugFor } from '../carrier-names';
import { fullName, present, unique } from '../payload-fields';
import type { MappedPayload, MappingContext, ShipmentDraft } from '../platform';
import { trackingItemSchema, type WooAddress, type WooOrder, type WooProduct } from './woocommerce-payloads';

const TRACKING_META_KEY = '_wc_shipment_tracking_items';
const trackingItemsSchema = z.array(trackingItemSchema);

// WooCommerce order statuses Postino distinguishes; every other one (pending, processing, on-hold, completed…) is open.
const ORDER_STATUSES = new Map<string, 'cancelled' | 'refunded'>([
  ['cancelled', 'cancelled'],
  ['refunded', 'refunded'],
]);

// WooCommerce's "no id" is 0.
const id = (value: string | null | undefined) => (value && value !== '0' ? value : undefined);

function addressOf(address: WooAddress | null | undefined) {
  if (!address) return undefined;
  return {
    name: fullName(address.first_name, address.last_name),
    company: present(address.company),
    address1: present(address.address_1),
    address2: present(address.address_2),
    city: present(address.city),
    postalCode: present(address.postcode),
    province: present(address.state),
    country: present(address.country),
    phone: present(address.phone),
  };
}

/** The unit price of a line from its subtotal, in whole minor units of the currency. */
function unitPrice(subtotal: string, quantity: number, currency: string): string {
  const minor = toMinorUnits(subtotal, currency);
  // Too many decimals for the currency: left as sent, so validation names the field.
  return minor === null ? subtotal : fromMinorUnits(Math.round(minor / Math.max(1, quantity)), currency);
}

function sumOf(amounts: string[], currency: string): string | undefined {
  const minors = amounts.map((amount) => toMinorUnits(amount, currency));
  return minors.every((m) => m !== null) ? fromMinorUnits(minors.reduce((sum, m) => sum + (m as number), 0), currency) : undefined;
}

/** Shipments from the shipment-tracking order meta, one per tracking number. */
function shipmentsOf(order: WooOrder, notes: string[]): ShipmentDraft[] {
  const meta = (order.meta_data ?? []).filter((entry) => entry.key === TRACKING_META_KEY);
  const items = meta.flatMap((entry) => {
    const parsed = trackingItemsSchema.safeParse(entry.value);
    if (!parsed.success) notes.push(`the ${TRACKING_META_KEY} meta is not a list of tracking items: left out`);
    return parsed.success ? parsed.data : [];
  });
  const shipping = addressOf(order.shipping);
  const seen = new Set<string>();
  return items.flatMap((item) => {
    const trackingNumber = item.tracking_number.trim();
    if (!trackingNumber || seen.has(trackingNumber)) return [];
    seen.add(trackingNumber);
    const provider = present(item.tracking_provider) ?? present(item.custom_tracking_provider);
    const carrier = carrierSlugFor(provider, trackingNumber);
    if (!carrier) {
      notes.push(`shipment ${trackingNumber} left out: carrier "${provider ?? 'unknown'}" is not supported`);
      return [];
    }
    return [
      {
        trackingNumber,
        carrier,
        orderNumber: order.number,
        customer: { email: present(order.billing?.email), name: shipping?.name },
        destination: shipping?.country ? { country: shipping.country, postalCode: shipping.postalCode, city: shipping.city } : undefined,
      },
    ];
  });
}

export function mapOrder(order: WooOrder): MappedPayload {
  const notes: string[] = [];
  const billing = order.billing;
  const email = present(billing?.email);
  const lineItems = order.line_items.map((item) => ({
    productId: id(item.product_id),
    variantId: id(item.variation_id),
    sku: present(item.sku),
    title: present(item.name) ?? 'Item',
    quantity: item.quantity,
    unitPrice: unitPrice(item.subtotal, item.quantity, order.currency),
    imageUrl: present(item.image?.src),
  }));
  if (!email) notes.push('the order has no billing e-mail address: stored without a customer');
  return {
    batch: {
      orders: [
        {
          number: order.number,
          externalId: order.id,
          createdAt: order.date_created_gmt,
          status: (order.status && ORDER_STATUSES.get(order.status)) || 'open',
          currency: order.currency,
          subtotal: sumOf(order.line_items.map((item) => item.subtotal), order.currency) ?? order.total,
          discounts: order.discount_total ?? undefined,
          shipping: order.shipping_total ?? undefined,
          total: order.total,
          lineItems,
          discountCodes: unique((order.coupon_lines ?? []).map((c) => c.code.trim()).filter(Boolean)),
          shippingAddress: addressOf(order.shipping),
          customer: email
            ? {
                email,
                externalId: id(order.customer_id),
                phone: present(billing?.phone),
                name: fullName(billing?.first_name, billing?.last_name),
                firstName: present(billing?.first_name),
                country: present(billing?.country),
              }
            : undefined,
        },
      ],
      shipments: shipmentsOf(order, notes),
    },
    notes,
  };
}

export function mapProduct(product: WooProduct, context: MappingContext): MappedPayload {
  const price = present(product.price === null || product.price === undefined ? undefined : String(product.price));
  return {
    batch: {
      products: [
        {
          externalId: product.id,
          title: product.name,
          url: present(product.permalink),
          imageUrl: present(product.images?.[0]?.src),
          price: context.currency ? price : undefined,
          currency: context.currency && price ? context.currency : undefined,
          tags: (product.tags ?? []).map((tag) => tag.name),
          inStock: (product.status ?? 'publish') === 'publish' && product.stock_status !== 'outofstock',
        },
      ],
    },
    notes: price && !context.currency ? ['the price was left out: set the integration’s currency'] : [],
  };
}
