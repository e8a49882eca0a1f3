import { describe, expect, it } from 'vitest';
import type { ShipmentRow } from '../../../../tracking/shipment';
import { renderTeamAlertEmail } from './team-alert-email';

const shipment = {
  trackingNumber: '7946',
  carrier: 'fedex',
  status: 'exception',
  customerName: 'Ana <img src=x onerror=alert(1)>',
  customerEmail: 'ana@example.com',
  orderNumber: '#1001',
} as ShipmentRow;

describe('renderTeamAlertEmail', () => {
  const render = (title: string, note: string | null, locale: 'en' | 'de' = 'en') =>
    renderTeamAlertEmail({ title, note, locale, merchantName: 'Northwind & Co', shipment, trackingUrl: 'https://t.example/t/abc' });

  it('writes the alert in the node’s language, with the shipment, its customer and order', () => {
    const email = render('Lost parcel', 'Call the customer', 'de');
    expect(email.subject).toBe('[Meldung] Lost parcel · 7946');
    expect(email.text).toContain('Sendung: 7946 (FedEx)');
    expect(email.text).toContain('Bestellung: #1001');
    expect(email.text).toContain('Call the customer');
  });

  it('escapes what the shop and the customer typed, and keeps the subject on one line', () => {
    const email = render('Lost\r\nBcc: evil@example.com <b>', 'a < b & c');
    expect(email.subject).toBe('[Alert] Lost Bcc: evil@example.com <b> · 7946');
    expect(email.html).toContain('Lost\r\nBcc: evil@example.com &lt;b&gt;');
    expect(email.html).toContain('a &lt; b &amp; c');
    expect(email.html).toContain('Ana &lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('Northwind &amp; Co');
    expect(email.html).not.toContain('<img');
  });
});
