import type { CustomerView } from '@postino/api-contract';
import type { Consent } from './consent';
import type { CustomerRow } from './customer';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function consentView(consent: Consent) {
  return { state: consent.state, source: consent.source, at: iso(consent.at) };
}

/** The public JSON shape of a customer. */
export function customerView(c: CustomerRow): CustomerView {
  return {
    id: c.id,
    email: c.email,
    externalId: c.externalId,
    phone: c.phone,
    phoneRaw: c.phoneRaw,
    name: c.name,
    firstName: c.firstName,
    locale: c.locale,
    timezone: c.timezone,
    country: c.country,
    tags: c.tags,
    consents: { transactional: consentView(c.consents.transactional), marketing: consentView(c.consents.marketing) },
    erasedAt: iso(c.erasedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
