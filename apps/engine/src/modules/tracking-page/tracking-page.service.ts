import { Injectable } from '@nestjs/common';
import { renderTrackingNotFoundPage, renderTrackingPage } from './render-tracking-page';
import { buildTrackingPageView, chooseLocale } from './tracking-page-view';
import { TrackingPageRepository } from './tracking-page.repository';

export interface RenderedTrackingPage {
  found: boolean;
  html: string;
}

export interface LanguagePreferences {
  /** `?lang=`: the customer switched language on the page. */
  requested?: string;
  /** The browser's best supported match of Accept-Language. */
  browser?: string;
}

// Tokens are base64url (randomToken); anything else, e.g. a NUL that PostgreSQL would refuse as a 500,
// cannot be one and is not looked up.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

@Injectable()
export class TrackingPageService {
  constructor(private readonly tracking: TrackingPageRepository) {}

  async render(token: string, languages: LanguagePreferences): Promise<RenderedTrackingPage> {
    const shipment = TOKEN_SHAPE.test(token) ? await this.tracking.findShipmentByToken(token) : null;
    if (!shipment) {
      return { found: false, html: renderTrackingNotFoundPage(chooseLocale(languages.requested, languages.browser)) };
    }
    const events = await this.tracking.listEvents(shipment.merchantId, shipment.id);
    const locale = chooseLocale(languages.requested, shipment.customerLocale, languages.browser);
    return { found: true, html: renderTrackingPage(buildTrackingPageView(shipment, events, locale)) };
  }
}
