import { describe, expect, it } from 'vitest';
import { renderTrackingNotFoundPage, renderTrackingPage } from './render-tracking-page';
import type { TrackingPageView } from './tracking-page-view';

const view: TrackingPageView = {
  locale: 'en',
  timeZone: 'Europe/Rome',
  merchantName: 'Bottega Rossi',
  status: 'in_transit',
  substatus: 'departed_facility',
  carrierName: 'DHL Express',
  trackingNumber: '1234567890',
  carrierTrackingUrl: 'https://www.dhl.com/track?tracking-id=1234567890&x=1',
  orderNumber: 'R-1001',
  promisedDeliveryDate: '2025-11-28',
  lastUpdateAt: new Date('2025-11-25T08:30:00Z'),
  events: [
    {
      occurredAt: new Date('2025-11-25T08:30:00Z'),
      status: 'in_transit',
      description: 'Shipment has departed from a DHL facility',
      location: 'LEIPZIG - GERMANY',
    },
    { occurredAt: new Date('2025-11-24T16:05:00Z'), status: 'info_received', description: null, location: null },
  ],
};

/** The visible text, tags dropped and entities decoded, as a reader would see it. */
function visibleText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('renderTrackingPage', () => {
  it('shows merchant, status, substatus, order, carrier, tracking number and the events', () => {
    const text = visibleText(renderTrackingPage(view));
    for (const expected of [
      'Bottega Rossi',
      'In transit',
      'Left a sorting centre',
      'Order R-1001',
      'Carrier DHL Express',
      'Tracking number 1234567890',
      'History',
      'Shipment has departed from a DHL facility',
      'LEIPZIG - GERMANY',
      'Label created',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("links to the carrier's own tracking page", () => {
    expect(renderTrackingPage(view)).toContain(
      `href="https://www.dhl.com/track?tracking-id=1234567890&amp;x=1" rel="noopener noreferrer"`,
    );
  });

  it('lists the timeline in the order given (newest first) in the customer timezone', () => {
    const text = visibleText(renderTrackingPage(view));
    // 08:30 UTC is 09:30 in Rome; 16:05 UTC is 17:05.
    expect(text).toMatch(/Nov 25, 2025, 9:30\sAM In transit .*Nov 24, 2025, 5:05\sPM Label created/);
  });

  it('inserts data as text, never as markup', () => {
    const hostile = '<script>alert("x")</script>';
    const page = renderTrackingPage({
      ...view,
      merchantName: hostile,
      orderNumber: `"><img src=x onerror=alert(1)>`,
      carrierTrackingUrl: `https://carrier.example/?q="><script>alert(1)</script>`,
      events: [{ ...view.events[0], description: hostile, location: hostile }],
    });
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(visibleText(page)).toContain(hostile);
  });

  it("speaks the customer's language: chrome, labels, dates", () => {
    const page = renderTrackingPage({ ...view, locale: 'de' });
    const text = visibleText(page);
    expect(page).toContain('<html lang="de">');
    for (const expected of ['Bestellung', 'Sendungsnummer', 'Verlauf', 'Letzte Aktualisierung', 'Unterwegs']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Sortierzentrum verlassen');
    expect(text).toContain('Freitag, 28. November 2025');
    expect(text).toContain('25.11.2025, 09:30');
    expect(text).not.toContain('History');
  });

  it('shows the promised date as that calendar day whatever the timezone', () => {
    const text = visibleText(renderTrackingPage({ ...view, timeZone: 'Pacific/Honolulu' }));
    expect(text).toContain('Expected delivery Friday, November 28, 2025');
  });

  it('says there is no update yet when the timeline is empty', () => {
    const page = renderTrackingPage({ ...view, status: 'pending', substatus: null, lastUpdateAt: null, events: [] });
    const text = visibleText(page);
    expect(text).toContain('No tracking updates yet');
    expect(text).not.toContain('Last update');
    expect(page).not.toContain('class="timeline"');
    expect(page).not.toContain('aria-current="step"');
  });

  it('leaves out what is unknown', () => {
    const text = visibleText(
      renderTrackingPage({ ...view, orderNumber: null, promisedDeliveryDate: null, carrierTrackingUrl: null }),
    );
    expect(text).not.toContain('Order');
    expect(text).not.toContain('Expected delivery');
    expect(text).not.toContain("Track on the carrier's website");
  });

  it('marks the current stage of the progress bar', () => {
    expect(renderTrackingPage(view)).toMatch(
      /<ol class="progress"[^>]*><li class="done">Label created<\/li><li class="current" aria-current="step">In transit<\/li><li class="upcoming">/,
    );
  });

  it('offers the other languages as plain links', () => {
    const page = renderTrackingPage(view);
    expect(page).toContain('href="?lang=it"');
    expect(page).toContain('<strong aria-current="true">English</strong>');
    expect(page).not.toContain('href="?lang=en"');
  });

  it('has no script at all', () => {
    expect(renderTrackingPage(view)).not.toMatch(/<script|\son\w+=/i);
  });
});

describe('renderTrackingNotFoundPage', () => {
  it('explains, in the chosen language, that the link is not valid', () => {
    const page = renderTrackingNotFoundPage('it');
    expect(page).toContain('<html lang="it">');
    expect(visibleText(page)).toContain('Pagina di tracciamento non trovata');
  });
});
