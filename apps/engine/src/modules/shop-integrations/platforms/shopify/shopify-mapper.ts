import type { ConsentDeclaration } from '@postino/api-contract';
import { carrierSlugFor } from '../carrier-names';
import { fullName, present, splitTags, unique } from '../payload-fields';
import type { MappedPayload, MappingContext, ShipmentDraft, ShopDataDraft } from '../platform';
import type {
  ShopifyAddress,
  ShopifyCustomer,
  ShopifyFulfillment,
  ShopifyMarketingConsent,
  ShopifyMarketingConsentUpdate,
  ShopifyOrder,
  ShopifyProduct,
} from './shopify-payloads';

type CustomerDraft = NonNullable<ShopDataDraft['customers']>[number];

// Shopify's email marketing states; `pending` (double opt-in not confirmed yet) decides nothing.
const CONSENT_STATES = new Map<string, ConsentDeclaration['state']>(Object.entries({
  subscribed: 'granted',
  not_subscribed: 'denied',
  unsubscribed: 'denied',
  redacted: 'denied',
  invalid: 'denied',
}));
// Fulfillments that shipped nothing: their tracking numbers name no parcel.
const VOID_FULFILLMENT_STATUSES = new Set(['cancelled', 'error', 'failure']);

function marketingConsent(consent: ShopifyMarketingConsent | null | undefined): CustomerDraft['consents'] {
  const state = consent?.state ? CONSENT_STATES.get(consent.state) : undefined;
  return state ? { marketing: { state, at: consent?.consent_updated_at ?? undefined } } : undefined;
}

/** The consent a customer payload carries: the 2024 shape, else the older `accepts_marketing`. */
function embeddedConsent(customer: ShopifyCustomer): CustomerDraft['consents'] {
  if (customer.email_marketing_consent) return marketingConsent(customer.email_marketing_consent);
  if (typeof customer.accepts_marketing !== 'boolean') return undefined;
  const at = customer.accepts_marketing_updated_at ?? undefined;
  return { marketing: { state: customer.accepts_marketing ? 'granted' : 'denied', at } };
}

function customerOf(customer: ShopifyCustomer, email: string | undefined): CustomerDraft | null {
  if (!email) return null;
  return {
    email,
    externalId: customer.id ?? undefined,
    phone: present(customer.phone),
    name: fullName(customer.first_name, customer.last_name),
    firstName: present(customer.first_name),
    country: present(customer.default_address?.country_code),
    tags: splitTags(customer.tags),
    consents: embeddedConsent(customer),
  };
}

function addressOf(address: ShopifyAddress | null | undefined) {
  if (!address) return undefined;
  return {
    name: present(address.name) ?? fullName(address.first_name, address.last_name),
    company: present(address.company),
    address1: present(address.address1),
    address2: present(address.address2),
    city: present(address.city),
    postalCode: present(address.zip),
    province: present(address.province),
    country: present(address.country_code),
    phone: present(address.phone),
  };
}

/** One shipment per tracking number of a fulfillment that shipped; what cannot be one is said in `notes`. */
function shipmentsOf(fulfillment: ShopifyFulfillment, orderNumber: string | undefined, notes: string[]): ShipmentDraft[] {
  const label = `fulfillment ${fulfillment.name ?? fulfillment.id}`;
  if (fulfillment.status && VOID_FULFILLMENT_STATUSES.has(fulfillment.status)) {
    notes.push(`${label} is ${fulfillment.status}: its tracking numbers were left out`);
    return [];
  }
  const listed = fulfillment.tracking_numbers?.length ? fulfillment.tracking_numbers : [fulfillment.tracking_number ?? ''];
  const numbers = unique(listed.map((n) => n.trim()).filter(Boolean));
  const destination = addressOf(fulfillment.destination);
  return numbers.flatMap((trackingNumber) => {
    const carrier = carrierSlugFor(fulfillment.tracking_company, trackingNumber);
    if (!carrier) {
      notes.push(`${label}: shipment ${trackingNumber} left out, carrier "${fulfillment.tracking_company ?? 'unknown'}" is not supported`);
      return [];
    }
    return [
      {
        trackingNumber,
        carrier,
        orderNumber,
        customer: { email: present(fulfillment.email), name: destination?.name },
        destination: destination?.country
          ? { country: destination.country, postalCode: destination.postalCode, city: destination.city }
          : undefined,
      },
    ];
  });
}

export function mapOrder(order: ShopifyOrder): MappedPayload {
  const notes: string[] = [];
  const email = present(order.email) ?? present(order.contact_email) ?? present(order.customer?.email);
  const customer = customerOf(order.customer ?? {}, email);
  if (customer) {
    customer.phone ??= present(order.phone);
    customer.locale = present(order.customer_locale);
    // The checkout's "email me with news and offers" box: a tick is an opt-in at the time of the order.
    if (!customer.consents && order.buyer_accepts_marketing === true) {
      customer.consents = { marketing: { state: 'granted', source: 'shopify_checkout', at: order.created_at } };
    }
  }
  const status = order.cancelled_at ? 'cancelled' : order.financial_status === 'refunded' ? 'refunded' : 'open';
  return {
    batch: {
      orders: [
        {
          number: order.name,
          externalId: order.id,
          createdAt: order.created_at,
          status,
          currency: order.currency,
          subtotal: order.total_line_items_price,
          discounts: order.total_discounts ?? undefined,
          shipping: order.total_shipping_price_set?.shop_money.amount,
          total: order.total_price,
          lineItems: order.line_items.map((item) => ({
            productId: item.product_id ?? undefined,
            variantId: item.variant_id ?? undefined,
            sku: present(item.sku),
            title: present(item.title) ?? present(item.name) ?? 'Item',
            quantity: item.quantity,
            unitPrice: item.price,
          })),
          discountCodes: unique((order.discount_codes ?? []).map((d) => d.code.trim()).filter(Boolean)),
          shippingAddress: addressOf(order.shipping_address),
          customer: customer ?? undefined,
        },
      ],
      shipments: (order.fulfillments ?? []).flatMap((f) => shipmentsOf(f, order.name, notes)),
    },
    notes: customer ? notes : [...notes, 'the order has no e-mail address: stored without a customer'],
  };
}

export function mapFulfillment(fulfillment: ShopifyFulfillment): MappedPayload {
  const notes: string[] = [];
  // "#1001.2" is the second fulfillment of order "#1001".
  const orderNumber = present(fulfillment.name?.replace(/\.\d+$/, ''));
  return { batch: { shipments: shipmentsOf(fulfillment, orderNumber, notes) }, notes };
}

export function mapCustomer(customer: ShopifyCustomer): MappedPayload {
  const input = customerOf(customer, present(customer.email));
  return input ? { batch: { customers: [input] }, notes: [] } : { batch: {}, notes: ['the customer has no e-mail address'] };
}

export function mapMarketingConsent(update: ShopifyMarketingConsentUpdate): MappedPayload {
  const email = present(update.email_address);
  const consents = marketingConsent(update.email_marketing_consent);
  if (!email) return { batch: {}, notes: ['the consent names no e-mail address'] };
  if (!consents) return { batch: {}, notes: [`marketing consent "${update.email_marketing_consent.state}" decides nothing`] };
  return { batch: { customers: [{ email, externalId: update.customer_id ?? undefined, consents }] }, notes: [] };
}

export function mapProduct(product: ShopifyProduct, context: MappingContext): MappedPayload {
  const variants = product.variants ?? [];
  const price = variants.find((v) => v.price)?.price ?? undefined;
  const available = variants.some((v) => v.inventory_policy === 'continue' || (v.inventory_quantity ?? 1) > 0);
  const notes = price && !context.currency ? ['the price was left out: set the integration’s currency'] : [];
  return {
    batch: {
      products: [
        {
          externalId: product.id,
          title: product.title,
          imageUrl: present(product.image?.src) ?? present(product.images?.[0]?.src),
          price: context.currency ? price : undefined,
          currency: context.currency && price ? context.currency : undefined,
          tags: splitTags(product.tags),
          inStock: (product.status ?? 'active') === 'active' && (variants.length === 0 || available),
        },
      ],
    },
    notes,
  };
}
