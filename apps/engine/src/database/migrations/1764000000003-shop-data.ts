import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shop's own data: customers with their two consents, orders, the product catalogue, and the link of
 * shipments to both; consent history, unsubscribes and the privacy audit.
 *
 * Money is stored as integer minor units (`bigint`, cents for EUR, yen for JPY) beside an ISO 4217 currency:
 * exact sums and comparisons, no floating point. The API speaks decimal strings ("19.99").
 *
 * Line items are a jsonb array on the order, not a table: they are a snapshot of what was bought (title and
 * price at purchase time), always written and read with their order, and every platform resends the whole list
 * on each update — one row per order keeps a batch upsert at one statement. "Orders containing product X" stays
 * indexable through the GIN index (containment, `line_items @> '[{"productId": "…"}]'`).
 */
export class ShopData1764000000003 implements MigrationInterface {
  name = 'ShopData1764000000003';

  async up(q: QueryRunner): Promise<void> {
    // Consent states: 'granted', 'denied', or 'none' (never recorded). Transactional consent is granted by
    // default with a customer's first order or shipment; marketing consent is only ever granted explicitly.
    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        email text,
        external_id text,
        phone text,
        phone_raw text,
        name text,
        first_name text,
        locale text,
        timezone text,
        country text,
        tags text[] NOT NULL DEFAULT '{}',
        transactional_consent text NOT NULL DEFAULT 'none' CHECK (transactional_consent IN ('granted', 'denied', 'none')),
        transactional_consent_source text,
        transactional_consent_at timestamptz,
        marketing_consent text NOT NULL DEFAULT 'none' CHECK (marketing_consent IN ('granted', 'denied', 'none')),
        marketing_consent_source text,
        marketing_consent_at timestamptz,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // An erased customer keeps its row (counts hold) with a null e-mail, which no unique key compares.
    await q.query(`CREATE UNIQUE INDEX customers_email ON customers (merchant_id, lower(email))`);
    await q.query(`CREATE INDEX customers_list ON customers (merchant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX customers_phone ON customers (merchant_id, phone)`);

    await q.query(`
      CREATE TABLE customer_consent_changes (
        id bigserial PRIMARY KEY,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('transactional', 'marketing')),
        state text NOT NULL CHECK (state IN ('granted', 'denied')),
        source text NOT NULL,
        at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX customer_consent_changes_customer ON customer_consent_changes (merchant_id, customer_id, id)`);

    // An unsubscribe withdraws consent at once (marketing, or both purposes); this row remembers that it was one.
    await q.query(`
      CREATE TABLE unsubscribes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        scope text NOT NULL CHECK (scope IN ('marketing', 'all')),
        source text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX unsubscribes_customer ON unsubscribes (merchant_id, customer_id, at DESC)`);

    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        title text NOT NULL,
        url text,
        image_url text,
        price_minor bigint,
        currency text,
        tags text[] NOT NULL DEFAULT '{}',
        in_stock boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (merchant_id, external_id)
      )`);
    await q.query(`CREATE INDEX products_list ON products (merchant_id, created_at DESC, id DESC)`);

    // created_at is when the shop says the order was placed; received_at when Postino first stored it.
    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        number text NOT NULL,
        external_id text,
        customer_id uuid REFERENCES customers(id),
        status text NOT NULL CHECK (status IN ('open', 'cancelled', 'refunded')),
        currency text NOT NULL,
        subtotal_minor bigint NOT NULL,
        discounts_minor bigint NOT NULL,
        shipping_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        line_items jsonb NOT NULL DEFAULT '[]',
        discount_codes text[] NOT NULL DEFAULT '{}',
        shipping_address jsonb,
        created_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (merchant_id, number)
      )`);
    await q.query(`CREATE INDEX orders_list ON orders (merchant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_customer ON orders (merchant_id, customer_id, created_at DESC)`);
    await q.query(`CREATE INDEX orders_line_items ON orders USING gin (line_items jsonb_path_ops)`);

    // A shipment belongs to at most one order (one column); order_number stays, so a shipment that arrives
    // before its order is linked when the order does.
    await q.query(`ALTER TABLE shipments ADD COLUMN order_id uuid REFERENCES orders(id)`);
    await q.query(`ALTER TABLE shipments ADD COLUMN customer_id uuid REFERENCES customers(id)`);
    await q.query(`CREATE INDEX shipments_order_id ON shipments (merchant_id, order_id)`);
    await q.query(`CREATE INDEX shipments_customer ON shipments (merchant_id, customer_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE privacy_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('export', 'erase')),
        actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'api_key')),
        actor_id uuid NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX privacy_audit_customer ON privacy_audit (merchant_id, customer_id, at DESC)`);

    // Shipments made before customers existed: one customer per merchant and address, linked, with the
    // transactional consent a shipment implies.
    await q.query(`
      INSERT INTO customers (merchant_id, email, phone_raw, name, locale, timezone, country,
                             transactional_consent, transactional_consent_source, transactional_consent_at)
      SELECT DISTINCT ON (merchant_id, lower(customer_email))
             merchant_id, customer_email, customer_phone, customer_name, customer_locale, customer_timezone,
             destination_country, 'granted', 'shipment', created_at
        FROM shipments WHERE customer_email IS NOT NULL
       ORDER BY merchant_id, lower(customer_email), created_at DESC`);
    await q.query(`
      UPDATE shipments s SET customer_id = c.id
        FROM customers c WHERE c.merchant_id = s.merchant_id AND lower(c.email) = lower(s.customer_email)`);
    await q.query(`
      INSERT INTO customer_consent_changes (merchant_id, customer_id, purpose, state, source, at)
      SELECT merchant_id, id, 'transactional', 'granted', 'shipment', transactional_consent_at FROM customers`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE privacy_audit`);
    await q.query(`ALTER TABLE shipments DROP COLUMN customer_id`);
    await q.query(`ALTER TABLE shipments DROP COLUMN order_id`);
    for (const table of ['orders', 'products', 'unsubscribes', 'customer_consent_changes', 'customers']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
