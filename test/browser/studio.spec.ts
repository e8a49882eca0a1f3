import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { DEFAULT_EMAIL_TEMPLATE } from '@postino/templating';
import { buildStudio, launchChromium } from '../support/browser';
import { startTestEngine } from '../support/engine';
import { apiClient, createMerchant, logIn as apiLogIn, sessionClient, TestMerchant } from '../support/fixtures';
import { publishEmailFlow, publishFlow } from '../support/flows';
import { publishSmsFlow } from '../support/sms-flows';

describe('the studio in real Chromium', () => {
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

  it('serves the OpenAPI UI, working under the security headers', async () => {
    const page = await chromium.browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    const response = await page.goto(`${engine.url}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByText('/api/v1/tracking-events').first().waitFor();
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('refuses a wrong password with a visible message', async () => {
    const merchant = await createMerchant();
    const page = await chromium.browser.newPage();
    await page.goto(`${engine.url}/login`);
    await page.getByLabel('Email').fill(merchant.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/incorrect email or password/i);
    await page.close();
  });

  it('logs in and shows the empty shipments page of a new merchant', async () => {
    const merchant = await createMerchant();
    const page = await logIn(merchant);
    await page.getByText('No shipments yet').waitFor();
    expect(page.url()).toMatch(/\/shipments$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).textContent()).resolves.toContain('Outbox');
    await page.close();
  });

  it('shows the e-mail of a posted scan in the Outbox within seconds', async () => {
    const merchant = await createMerchant();
    const api = apiClient(engine.url, merchant.apiKey);
    await publishEmailFlow(api, { statuses: ['out_for_delivery'], ...DEFAULT_EMAIL_TEMPLATE });
    await api('POST', '/api/v1/shipments', {
      trackingNumber: 'BROWSER-1',
      carrier: 'fedex',
      orderNumber: '#B1',
      customer: { name: 'Bea Browser', email: `bea-${merchant.slug}@example.com` },
    });

    const page = await logIn(merchant);
    const blockedByPolicy: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blockedByPolicy.push(message.text());
    });
    await page.getByRole('link', { name: 'BROWSER-1' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByText('Nothing captured yet').waitFor();

    const posted = Date.now();
    await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: 'BROWSER-1', code: 'OD', occurredAt: new Date().toISOString() }],
    });
    await page.getByText(/your order #B1/).first().waitFor({ timeout: 10_000 });
    expect(Date.now() - posted).toBeLessThan(10_000);
    await page.getByText(/your order #B1/).first().click();
    await page.frameLocator('iframe').getByText(/Bea/).first().waitFor();
    expect(blockedByPolicy).toEqual([]);
    await page.close();
  });

  it('shows an SMS beside the e-mails in the Outbox, with its text and the segments it took', async () => {
    const merchant = await createMerchant();
    const api = apiClient(engine.url, merchant.apiKey);
    await publishSmsFlow(api, { statuses: ['out_for_delivery'], text: 'Hi {{ customer.first_name }}, parcel {{ shipment.tracking_number }} arrives today' });
    await api('POST', '/api/v1/shipments', {
      trackingNumber: 'BROWSER-SMS',
      carrier: 'fedex',
      customer: { name: 'Sofia Sms', phone: '+393471234567' },
    });
    await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: 'BROWSER-SMS', code: 'OD', occurredAt: new Date().toISOString() }],
    });

    const page = await logIn(merchant);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: 'SMS' }).click();
    await page.waitForURL(/\/outbox\?channel=sms$/);
    const item = page.getByRole('list', { name: 'Captured messages' }).getByRole('link', { name: /parcel BROWSER-SMS arrives today/ });
    await item.waitFor({ timeout: 10_000 });
    await item.click();
    await page.getByRole('heading', { name: 'SMS to +393471234567' }).waitFor();
    await expect(page.getByLabel('Text').textContent()).resolves.toBe('Hi Sofia, parcel BROWSER-SMS arrives today');
    await expect(page.locator('.facts__row', { hasText: 'Segments' }).textContent()).resolves.toContain('1 SMS · GSM-7');
    expect(page.url()).toMatch(/\/outbox\/[0-9a-f-]{36}\?channel=sms$/);

    await page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: 'Email' }).click();
    await page.getByText('No emails captured yet').waitFor();
    await page.close();
  });

  it('shows a webhook delivery in the Outbox under Webhook, with its delivery id, signature and body', async () => {
    const merchant = await createMerchant();
    const api = apiClient(engine.url, merchant.apiKey);
    const owner = sessionClient(engine.url, await apiLogIn(engine.url, merchant.email, merchant.password));
    expect((await owner('POST', '/api/v1/settings/webhook-signing/rotate', {})).status).toBe(200);
    const url = `${inject('stack').webhookUrl}/erp`;
    await publishFlow(api, 'Tell the ERP', {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['out_for_delivery'] } },
        { id: 'hook', type: 'webhook', config: { url } },
      ],
      edges: [['trigger', 'next', 'hook']],
    });
    await api('POST', '/api/v1/shipments', { trackingNumber: 'BROWSER-HOOK', carrier: 'fedex', customer: { email: 'hook@example.com' } });
    await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: 'BROWSER-HOOK', code: 'OD', occurredAt: new Date().toISOString() }],
    });

    const page = await logIn(merchant);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: 'Webhook' }).click();
    await page.waitForURL(/\/outbox\?channel=webhook$/);
    const item = page.getByRole('list', { name: 'Captured messages' }).getByRole('link', { name: new RegExp(`POST ${url}`) });
    await item.waitFor({ timeout: 10_000 });
    await item.click();
    await page.getByRole('heading', { name: `POST ${url}` }).waitFor();
    await expect(page.locator('.facts__row', { hasText: 'Delivery id' }).textContent()).resolves.toMatch(/@/);
    await expect(page.locator('.facts__row', { hasText: 'Signature' }).textContent()).resolves.toMatch(/t=\d+,v1=[0-9a-f]{64}/);
    await expect(page.getByLabel('Body').textContent()).resolves.toContain('"trackingNumber": "BROWSER-HOOK"');
    await page.close();
  });

  it('lists the published flow and its template, and previews the template with sample data', async () => {
    const merchant = await createMerchant();
    const api = apiClient(engine.url, merchant.apiKey);
    const name = 'Out for delivery update';
    const { templateId } = await publishEmailFlow(api, { statuses: ['out_for_delivery'], name, ...DEFAULT_EMAIL_TEMPLATE });

    const page = await logIn(merchant);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Flows' }).click();
    await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
    const flowRow = page.getByRole('table', { name: 'Flows' }).getByRole('row', { name: new RegExp(name) });
    await flowRow.waitFor();
    const flowText = await flowRow.textContent();
    expect(flowText).toContain('Published · v1');
    expect(flowText).toContain('Status becomes Out for delivery');
    expect(flowText).toContain('Send email');

    await nav.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates', exact: true }).waitFor();
    const templateRow = page.getByRole('table', { name: 'Email templates' }).getByRole('row', { name: new RegExp(name) });
    await expect(templateRow.textContent()).resolves.toContain('Published · v1');
    await templateRow.getByRole('link', { name }).click();
    await page.waitForURL(new RegExp(`/templates/${templateId}$`));
    const preview = page.locator(`iframe[title="Preview of ${name}"]`);
    await expect(preview.getAttribute('sandbox')).resolves.toBe('');
    // The preview fills in the shop's own name and a sample customer.
    await preview.contentFrame().getByText(`Shop ${merchant.slug}`, { exact: true }).waitFor();
    await preview.contentFrame().getByText(/Hi Giulia/).waitFor();
    await page.close();
  });
});
