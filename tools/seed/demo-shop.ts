import type { CustomerInput, OrderInput, ProductInput } from '@postino/api-contract';

/** Calls the demo merchant's API (Bearer demo key); throws on an answer outside 2xx and `alsoAccepted`. */
export type DemoApiCall = <T>(method: string, path: string, body?: unknown, alsoAccepted?: number[]) => Promise<T>;

interface DemoProduct {
  slug: string;
  title: string;
  price: string;
  tags: string[];
  inStock?: boolean;
}

// The pictures are served by the engine with the studio (apps/studio/public/demo/products), so e-mails and
// pages show them without any outside host.
const PRODUCTS: DemoProduct[] = [
  { slug: 'ceramic-mug', title: 'Ceramic mug, teal', price: '14.90', tags: ['coffee', 'tableware'] },
  { slug: 'pour-over-kit', title: 'Pour-over coffee kit', price: '39.00', tags: ['coffee', 'brewing'] },
  { slug: 'single-origin-beans', title: 'Single-origin beans, Huila 250 g', price: '12.50', tags: ['coffee', 'consumable'] },
  { slug: 'linen-apron', title: 'Linen apron', price: '29.00', tags: ['kitchen', 'textile'] },
  { slug: 'cast-iron-teapot', title: 'Cast-iron teapot 0.8 l', price: '54.00', tags: ['tea', 'brewing'] },
  { slug: 'bamboo-tray', title: 'Bamboo serving tray', price: '24.00', tags: ['tableware'], inStock: false },
  { slug: 'glass-carafe', title: 'Glass carafe 1 l', price: '19.90', tags: ['coffee', 'brewing'] },
  { slug: 'canvas-tote', title: 'Canvas tote bag', price: '9.90', tags: ['textile', 'gift'] },
];

type Marketing = 'granted' | 'denied' | null;

const CUSTOMERS: (Omit<CustomerInput, 'consents'> & { marketing: Marketing })[] = [
  { email: 'lucia@example.com', name: 'Lucía Fernández', firstName: 'Lucía', locale: 'es-ES', timezone: 'Europe/Madrid', country: 'ES', phone: '+34 612 345 678', tags: ['vip'], marketing: 'granted' },
  { email: 'marco@example.com', name: 'Marco Rossi', firstName: 'Marco', locale: 'it-IT', timezone: 'Europe/Rome', country: 'IT', phone: '+39 312 345 6789', marketing: 'denied' },
  { email: 'emma@example.com', name: 'Emma Wilson', firstName: 'Emma', locale: 'en-US', timezone: 'America/New_York', country: 'US', phone: '(212) 555-0147', marketing: 'granted' },
  { email: 'camille@example.com', name: 'Camille Dubois', firstName: 'Camille', locale: 'fr-FR', timezone: 'Europe/Paris', country: 'FR', marketing: null },
  { email: 'jonas@example.com', name: 'Jonas Becker', firstName: 'Jonas', locale: 'de-DE', timezone: 'Europe/Berlin', country: 'DE', phone: '+49 1512 3456789', tags: ['wholesale'], marketing: 'granted' },
  { email: 'sofia@example.com', name: 'Sofía Martín', firstName: 'Sofía', locale: 'es-ES', timezone: 'Europe/Madrid', country: 'ES', marketing: null },
  { email: 'giulia@example.com', name: 'Giulia Bianchi', firstName: 'Giulia', locale: 'it-IT', timezone: 'Europe/Rome', country: 'IT', marketing: 'granted' },
  { email: 'lea@example.com', name: 'Léa Martin', firstName: 'Léa', locale: 'fr-FR', timezone: 'Europe/Paris', country: 'FR', marketing: 'denied' },
];

interface DemoOrder {
  number: string;
  customer: string;
  daysAgo: number;
  items: [slug: string, quantity: number][];
  discountCode?: [code: string, percent: number];
  status?: OrderInput['status'];
  /** One entry per parcel; a split order has two. Numbers DEMO1000–DEMO1002 are the ones the README's curl scans. */
  parcels: [carrier: string, trackingNumber: string][];
}

const ORDERS: DemoOrder[] = [
  { number: '#5001', customer: 'lucia@example.com', daysAgo: 3, items: [['pour-over-kit', 1], ['single-origin-beans', 2]], discountCode: ['WELCOME10', 10], parcels: [['fedex', 'DEMO1000']] },
  { number: '#5002', customer: 'marco@example.com', daysAgo: 3, items: [['cast-iron-teapot', 1]], parcels: [['fedex', 'DEMO1001']] },
  { number: '#5003', customer: 'emma@example.com', daysAgo: 2, items: [['ceramic-mug', 2], ['canvas-tote', 1]], parcels: [['fedex', 'DEMO1002']] },
  // A split order: the carafe leaves from another warehouse with another carrier.
  { number: '#5004', customer: 'camille@example.com', daysAgo: 2, items: [['glass-carafe', 1], ['linen-apron', 1], ['single-origin-beans', 1]], parcels: [['fedex', 'DEMO1003'], ['dhl-express', '1234567890']] },
  { number: '#5005', customer: 'jonas@example.com', daysAgo: 6, items: [['ceramic-mug', 6], ['single-origin-beans', 6]], discountCode: ['WHOLESALE15', 15], parcels: [['dhl-express', '2345678901']] },
  { number: '#5006', customer: 'sofia@example.com', daysAgo: 1, items: [['linen-apron', 1]], parcels: [] },
  { number: '#5007', customer: 'giulia@example.com', daysAgo: 9, items: [['pour-over-kit', 1], ['glass-carafe', 1]], discountCode: ['BLACKFRIDAY20', 20], parcels: [['fedex', 'DEMO1004']] },
  { number: '#5008', customer: 'lea@example.com', daysAgo: 4, items: [['bamboo-tray', 1]], status: 'cancelled', parcels: [] },
  { number: '#5009', customer: 'lucia@example.com', daysAgo: 20, items: [['canvas-tote', 2]], parcels: [['fedex', 'DEMO1005']] },
];

const FREE_SHIPPING_FROM_CENTS = 5000;
const SHIPPING_CENTS = 495;

const cents = (amount: string) => Math.round(Number(amount) * 100);
const euros = (value: number) => (value / 100).toFixed(2);

function productInput(publicUrl: string, p: DemoProduct): ProductInput {
  return {
    externalId: p.slug,
    title: p.title,
    url: `https://shop.demo.postino.local/products/${p.slug}`,
    imageUrl: `${publicUrl}/demo/products/${p.slug}.png`,
    price: p.price,
    currency: 'EUR',
    tags: p.tags,
    inStock: p.inStock ?? true,
  };
}

function customerInput(email: string, at: string): CustomerInput {
  const { marketing, ...customer } = CUSTOMERS.find((c) => c.email === email)!;
  return marketing ? { ...customer, consents: { marketing: { state: marketing, source: 'checkout', at } } } : customer;
}

function orderInput(publicUrl: string, order: DemoOrder, now: Date): OrderInput {
  const createdAt = new Date(now.getTime() - order.daysAgo * 86_400_000).toISOString();
  const lineItems = order.items.map(([slug, quantity]) => {
    const product = PRODUCTS.find((p) => p.slug === slug)!;
    return { productId: slug, sku: slug.toUpperCase(), title: product.title, quantity, unitPrice: product.price, imageUrl: `${publicUrl}/demo/products/${slug}.png` };
  });
  const subtotal = lineItems.reduce((sum, item) => sum + cents(item.unitPrice) * item.quantity, 0);
  const discounts = order.discountCode ? Math.round((subtotal * order.discountCode[1]) / 100) : 0;
  const shipping = subtotal - discounts >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
  const customer = customerInput(order.customer, createdAt);
  return {
    number: order.number,
    createdAt,
    status: order.status ?? 'open',
    currency: 'EUR',
    subtotal: euros(subtotal),
    discounts: euros(discounts),
    shipping: euros(shipping),
    total: euros(subtotal - discounts + shipping),
    lineItems,
    discountCodes: order.discountCode ? [order.discountCode[0]] : [],
    shippingAddress: { name: customer.name, city: cityOf(customer.country), country: customer.country },
    customer,
  };
}

function cityOf(country: string | undefined): string {
  return { ES: 'Madrid', IT: 'Roma', US: 'New York', FR: 'Paris', DE: 'Berlin' }[country ?? ''] ?? 'Madrid';
}

/**
 * A small, realistic shop: a catalogue with pictures, customers in the five studio languages with a mix of
 * marketing consents, orders with line items and discount codes, one split over two parcels, one cancelled
 * and one not shipped yet — all through the public API, as the shop's platform would send them.
 */
export async function seedDemoShop(call: DemoApiCall, publicUrl: string, now = new Date()): Promise<void> {
  await call('POST', '/api/v1/products', { products: PRODUCTS.map((p) => productInput(publicUrl, p)) });
  for (const order of ORDERS) {
    const input = orderInput(publicUrl, order, now);
    await call('POST', '/api/v1/orders', input);
    for (const [carrier, trackingNumber] of order.parcels) {
      const { email, name, locale, timezone } = input.customer!;
      // 409: a data folder from before the shop data already has the first demo parcels.
      await call(
        'POST',
        '/api/v1/shipments',
        {
          trackingNumber,
          carrier,
          orderNumber: order.number,
          customer: { email, name, locale, timezone },
          destination: { country: input.shippingAddress!.country, city: input.shippingAddress!.city },
        },
        [409],
      );
    }
  }
}
