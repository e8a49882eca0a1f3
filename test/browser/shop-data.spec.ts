import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { buildStudio, launchChromium } from '../support/browser';
import { startTestEngine } from '../support/engine';
import { apiClient, createMerchant, TestMerchant } from '../support/fixtures';

describe('the shop-data screens in real Chromium', () => {
  let engine: RunningEngine;
  let studioDir: string;
  let chromium: { browser: Browser; close(): Promise<void> };

  beforeAll(async () => {
    studioDir = buildStudio();
    engine = await startTestEngine({ STUDIO_DIR: studioDir });
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    await engine?.close();
    rmSync(studioDir, { recursive: true, force: true });
  });

  async function logIn(merchant: TestMerchant): Promise<Page> {
    const page = await chromium.browser.newPage();
    await page.goto(`${engine.url}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(merchant.email);
    await page.getByLabel('Password').fill(merchant.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Shipments', exact: true }).waitFor();
    return page;
  }

  it('opens a customer seeded through the API: consents, orders and shipments, and changes a consent', async () => {
    const merchant = await createMerchant();
    const api = apiClient(engine.url, merchant.apiKey);
    // Shop data is shown as text, never as markup.
    const name = 'Lucía <b>Pérez</b>';
    const email = `lucia-${merchant.slug}@example.com`;
    const order = await api('POST', '/api/v1/orders', {
      number: '#SD-1',
      createdAt: '2026-11-27T10:00:00Z',
      currency: 'EUR',
      subtotal: '45.00',
      discounts: '5.00',
      shipping: '0',
      total: '40.00',
      discountCodes: ['WELCOME5'],
      lineItems: [{ title: 'Bufanda de lana', sku: 'BUF-1', quantity: 2, unitPrice: '22.50' }],
      shippingAddress: { name, address1: 'Calle Luna 3', city: 'Sevilla', postalCode: '41001', country: 'ES' },
      customer: { email, name, locale: 'es', consents: { marketing: { state: 'granted', source: 'checkout' } } },
    });
    expect(order.status, JSON.stringify(order.body)).toBe(200);
    const shipment = await api('POST', '/api/v1/shipments', {
      trackingNumber: `SD-${merchant.slug}`,
      carrier: 'fedex',
      orderNumber: '#SD-1',
      customer: { email },
    });
    expect(shipment.status, JSON.stringify(shipment.body)).toBe(201);

    const page = await logIn(merchant);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Customers', exact: true }).waitFor();
    const row = page.getByRole('table', { name: 'Customers' }).getByRole('row', { name: new RegExp(email) });
    await expect(row.textContent()).resolves.toContain('Granted');

    await page.getByRole('search', { name: 'Search customers' }).getByLabel('Search').fill('nobody-like-this');
    await page.getByText('No matching customers').waitFor();
    await page.getByRole('button', { name: 'Clear search' }).click();

    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(await page.locator('main b').count()).toBe(0);

    const consents = page.getByRole('region', { name: 'Consents' });
    await expect(consents.getByRole('group', { name: /Shipment updates/ }).textContent()).resolves.toContain('Granted');
    await expect(consents.getByRole('group', { name: /Marketing/ }).textContent()).resolves.toContain('Granted');
    const orders = page.getByRole('table', { name: `Orders of ${name}` });
    await expect(orders.getByRole('row', { name: /#SD-1/ }).textContent()).resolves.toContain('€40.00');
    await page.getByRole('table', { name: 'Shipments' }).getByRole('link', { name: `SD-${merchant.slug}`, exact: true }).waitFor();

    // Withdraw marketing on the customer's behalf: saved, shown and in the history.
    const marketing = consents.getByRole('group', { name: /Marketing/ });
    await marketing.getByLabel('Withdrawn').check();
    await consents.getByLabel('Source').fill('phone');
    await consents.getByRole('button', { name: 'Save consents' }).click();
    await consents.getByText('Consents saved.').waitFor();
    await expect(marketing.textContent()).resolves.toContain('Withdrawn');
    await consents.getByText('Consent history', { exact: true }).click();
    await consents.getByRole('list', { name: 'Consent history' }).getByText('Marketing: withdrawn').waitFor();
    const stored = await api('GET', `/api/v1/customers/${order.body.order.customer.id}`);
    expect(stored.body.consents.marketing).toMatchObject({ state: 'denied', source: 'phone' });

    // The order screen: totals, line items, its customer and shipment.
    await orders.getByRole('link', { name: '#SD-1' }).click();
    await page.getByRole('heading', { name: 'Order #SD-1' }).waitFor();
    await expect(page.getByRole('region', { name: 'Totals' }).textContent()).resolves.toMatch(/−€5\.00.*€40\.00.*WELCOME5/);
    await expect(page.getByRole('table', { name: 'Line items' }).textContent()).resolves.toMatch(/Bufanda de lana.*€22\.50.*€45\.00/);
    await page.getByRole('region', { name: 'Customer' }).getByRole('link', { name }).waitFor();
    await page.getByRole('table', { name: 'Shipments' }).getByRole('link', { name: `SD-${merchant.slug}`, exact: true }).click();

    // The shipment screen leads back to its order and customer.
    await page.getByRole('link', { name: '#SD-1' }).click();
    await page.getByRole('heading', { name: 'Order #SD-1' }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Open the customer' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(await page.locator('main b').count()).toBe(0);
    await page.close();
  });

  it('exports a customer as JSON and erases it behind a dialog that names it', async () => {
    const merchant = await createMerchant();
    const api = apiClient(engine.url, merchant.apiKey);
    const email = `marta-${merchant.slug}@example.com`;
    const order = await api('POST', '/api/v1/orders', {
      number: '#ER-1',
      createdAt: '2026-11-27T10:00:00Z',
      currency: 'EUR',
      subtotal: '12.00',
      total: '12.00',
      shippingAddress: { name: 'Marta Rossi', city: 'Torino', country: 'IT' },
      customer: { email, name: 'Marta Rossi' },
    });
    expect(order.status, JSON.stringify(order.body)).toBe(200);
    const customerId = order.body.order.customer.id;

    const page = await logIn(merchant);
    await page.goto(`${engine.url}/customers/${customerId}`);
    await page.getByRole('heading', { name: 'Marta Rossi', level: 1 }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export data' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^customer-${customerId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported.customer).toMatchObject({ id: customerId, email, name: 'Marta Rossi' });
    expect(exported.orders).toEqual([expect.objectContaining({ number: '#ER-1' })]);

    await page.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Marta Rossi?' });
    await expect(dialog.textContent()).resolves.toContain(email);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await api('GET', `/api/v1/customers/${customerId}`)).body.erasedAt).toBeNull();

    await page.getByRole('button', { name: 'Erase…' }).click();
    await dialog.getByRole('button', { name: 'Erase personal data' }).click();
    await page.getByRole('heading', { name: 'Erased customer', level: 1 }).waitFor();
    await page.getByText(/personal data was erased on/).waitFor();
    expect(await page.getByRole('button', { name: 'Erase…' }).count()).toBe(0);
    expect((await api('GET', `/api/v1/customers/${customerId}`)).body).toMatchObject({ email: null, name: null });
    await page.close();
  });

  it('lists orders and filters them by status and search', async () => {
    const merchant = await createMerchant();
    const api = apiClient(engine.url, merchant.apiKey);
    for (const [number, status] of [
      ['#F-1', 'open'],
      ['#F-2', 'cancelled'],
    ] as const) {
      const created = await api('POST', '/api/v1/orders', {
        number,
        status,
        createdAt: '2026-11-20T10:00:00Z',
        currency: 'EUR',
        subtotal: '10',
        total: '10',
        customer: { email: `buyer-${number.slice(1)}-${merchant.slug}@example.com` },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
    }

    const page = await logIn(merchant);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    const table = page.getByRole('table', { name: 'Orders' });
    await table.getByRole('link', { name: '#F-2' }).waitFor();
    await table.getByRole('link', { name: '#F-1' }).waitFor();

    await page.getByLabel('Status').selectOption('cancelled');
    await page.waitForURL(/status=cancelled/);
    await table.getByRole('link', { name: '#F-1' }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: '#F-2' }).waitFor();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Search').fill('F-1');
    await page.waitForURL(/q=F-1/);
    await table.getByRole('link', { name: '#F-2' }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: '#F-1' }).waitFor();
    await page.close();
  });

  it('imports a CSV of orders through the Import page: the progress finishes and the bad rows are listed', async () => {
    const merchant = await createMerchant();
    const header =
      'order_number,order_date,currency,subtotal,shipping,total,customer_email,customer_name,marketing_consent,' +
      'line_sku,line_title,line_quantity,line_unit_price,shipping_country,tracking_number,carrier';
    const csv = [
      header,
      `CSV-1,2026-11-27T08:15:00+01:00,EUR,39.90,4.95,44.85,ana@${merchant.slug}.example,Ana <i>Ruiz</i>,yes,TEE,Tee,1,29.90,ES,,`,
      `CSV-1,,,,,,,,,CAP,Cap,1,10.00,,CSV${merchant.slug.slice(5)}1,fedex`,
      `CSV-2,2026-11-27T09:00:00+01:00,EUR,10.00,0,ten euros,bo@${merchant.slug}.example,Bo,no,MUG,Mug,1,10.00,ES,,`,
      `CSV-3,2026-11-27T10:00:00+01:00,EUR,10.00,0,10.00,not-an-email,Cy,no,MUG,Mug,1,10.00,ES,,`,
      `CSV-4,2026-11-27T11:00:00+01:00,EUR,10.00,0,10.00,di@${merchant.slug}.example,Di,no,MUG,Mug,1,10.00,FR,,`,
    ].join('\n');

    const page = await logIn(merchant);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
    await expect(page.getByRole('link', { name: /Download the example file for orders/ }).getAttribute('href')).resolves.toBe(
      '/api/v1/imports/templates/orders.csv',
    );
    await page.getByText('No imports yet.').waitFor();

    await page.getByLabel('Orders with shipments').check();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'november.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const progress = page.getByRole('region', { name: 'november.csv' });
    await progress.getByText('Finished with errors').waitFor({ timeout: 20_000 });
    await expect(progress.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')).resolves.toBe('1');
    await expect(progress.getByRole('status').filter({ hasText: 'imported' }).textContent()).resolves.toMatch(/3 rows imported.*2 rows failed/);
    const errors = progress.getByRole('table', { name: 'Rows with errors' });
    await expect(errors.getByRole('row', { name: /total/ }).textContent()).resolves.toMatch(/^4total/);
    await expect(errors.getByRole('row', { name: /customer_email/ }).textContent()).resolves.toMatch(/^5customer_email/);
    await expect(progress.getByRole('link', { name: 'Download the error report (CSV)' }).getAttribute('href')).resolves.toMatch(
      /^\/api\/v1\/imports\/[0-9a-f-]+\/errors\.csv$/,
    );
    await page.getByRole('table', { name: 'Recent imports' }).getByRole('row', { name: /november\.csv/ }).waitFor();

    // The good rows are orders now, their customer's name shown as text.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: 'CSV-1' }).click();
    await page.getByRole('region', { name: 'Customer' }).getByRole('link', { name: 'Ana <i>Ruiz</i>' }).waitFor();
    await page.getByRole('table', { name: 'Shipments' }).getByRole('link', { name: `CSV${merchant.slug.slice(5)}1`, exact: true }).waitFor();
    expect(await page.locator('main i').count()).toBe(0);
    await page.close();
  });

  it('connects a shop in Settings → Integrations: hook URL and secret shown once, last delivery, rotation, disconnection', async () => {
    const merchant = await createMerchant();
    const page = await logIn(merchant);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: engine.url });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Integrations' });
    await section.getByText('No shop connected yet.', { exact: false }).waitFor();

    const form = section.getByRole('form', { name: 'Connect a shop' });
    await form.getByLabel('Platform').selectOption('shopify');
    await form.getByLabel('Name').fill('Tienda <b>Luna</b>');
    await form.getByRole('button', { name: 'Connect shop' }).click();
    await form.getByText(/Secret is required for Shopify/).waitFor();
    await form.getByLabel('Platform').selectOption('woocommerce');
    await form.getByRole('button', { name: 'Connect shop' }).click();

    const notice = section.getByRole('region', { name: /WooCommerce shop “Tienda <b>Luna<\/b>” connected/ });
    const hookUrl = await notice.getByLabel('Hook URL', { exact: true }).inputValue();
    const secret = await notice.getByLabel('Signing secret', { exact: true }).inputValue();
    expect(hookUrl).toMatch(new RegExp(`^${engine.url}/hooks/woocommerce/[0-9a-f-]+$`));
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await notice.getByRole('button', { name: 'Copy Signing secret' }).click();
    await notice.getByText('Signing secret copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await notice.getByRole('button', { name: 'Done' }).click();
    expect(await section.locator('b').count()).toBe(0);

    // A signed delivery of a topic Postino does not handle: received, ignored, and shown as the last delivery.
    const body = JSON.stringify({ id: 7 });
    const delivered = await fetch(hookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wc-webhook-topic': 'coupon.created',
        'x-wc-webhook-delivery-id': '1',
        'x-wc-webhook-signature': createHmac('sha256', secret).update(body).digest('base64'),
      },
      body,
    });
    expect(delivered.status).toBe(200);
    await page.reload();
    const integration = section.getByRole('listitem', { name: 'Tienda <b>Luna</b>' });
    await expect(integration.textContent()).resolves.toMatch(/Ignored.*coupon\.created.*HTTP 200/);
    await expect(integration.getByLabel('Hook URL', { exact: true }).inputValue()).resolves.toBe(hookUrl);

    await integration.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = page.getByRole('dialog', { name: /Rotate the secret of “Tienda <b>Luna<\/b>”/ });
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = section.getByRole('region', { name: /New secret for/ });
    const newSecret = await rotated.getByLabel('Signing secret', { exact: true }).inputValue();
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole('button', { name: 'Done' }).click();

    await integration.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('dialog', { name: /Disconnect “Tienda <b>Luna<\/b>”/ }).getByRole('button', { name: 'Disconnect' }).click();
    await section.getByText('No shop connected yet.', { exact: false }).waitFor();
    expect((await fetch(hookUrl, { method: 'POST', body })).status).toBe(404);
    await page.close();
  });
});
