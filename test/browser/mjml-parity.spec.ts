import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEmailTemplate, DEFAULT_EMAIL_TEMPLATE } from '@postino/templating';
import { launchChromium } from '../support/browser';

const MJML_BROWSER = createRequire(__filename).resolve('mjml-browser');

const DOCUMENTS: Record<string, string> = {
  'the default template': DEFAULT_EMAIL_TEMPLATE.mjml,
  'columns, image, button and divider': `<mjml><mj-head><mj-attributes><mj-all font-family="Arial" /></mj-attributes></mj-head>
<mj-body background-color="#f4f4f4"><mj-section><mj-column width="60%"><mj-image src="https://example.com/logo.png" alt="logo" />
</mj-column><mj-column><mj-text align="right">{{ shipment.order_number }}</mj-text></mj-column></mj-section>
<mj-section><mj-column><mj-divider /><mj-button href="{{ tracking_url }}" background-color="#2255ff">Track</mj-button>
</mj-column></mj-section></mj-body></mjml>`,
};

/**
 * The studio's editor compiles with mjml-browser; the engine publishes with mjml. Both are pinned to 4.18,
 * and this test proves they produce the same HTML, in a real browser.
 */
describe('editor (mjml-browser in Chromium) and server (mjml) compile MJML alike', () => {
  let chromium: { browser: Browser; close(): Promise<void> };

  beforeAll(async () => {
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  for (const [name, mjml] of Object.entries(DOCUMENTS)) {
    it(`gives identical HTML for ${name}`, async () => {
      const server = compileEmailTemplate({ subject: 'Subject', mjml });
      if (!server.ok) throw new Error(JSON.stringify(server.errors));
      const page = await chromium.browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ path: MJML_BROWSER });
      const editorHtml = await page.evaluate(
        (source) => (window as unknown as { mjml: (s: string, o: object) => { html: string } }).mjml(source, { validationLevel: 'strict' }).html,
        mjml,
      );
      await page.close();
      expect(editorHtml).toBe(server.html);
    });
  }
});
