import type { ConsentPurpose, CustomerInput, UpsertOutcome } from '@postino/api-contract';
import { ConsentChange, ConsentDecision, decideConsents, defaultTransactional, NO_CONSENT } from './consent';
import type { CustomerRow } from './customer';
import { toE164 } from './phone-number';

/** A customer to write, merged from everything a batch said about one e-mail address. */
export interface CustomerUpsert {
  input: CustomerInput;
  /** An order or shipment for this customer in the same batch: transactional consent follows by default. */
  purchase: 'order' | 'shipment' | null;
  /** A country seen with the customer (shipping address, destination): reads national phone numbers, fills a missing country. */
  countryHint: string | null;
}

export interface PlannedCustomer {
  row: CustomerRow;
  outcome: UpsertOutcome;
  consentChanges: ConsentChange[];
}

/** The personal fields a write compares to decide whether anything changed. */
const FIELDS = ['email', 'externalId', 'phone', 'phoneRaw', 'name', 'firstName', 'locale', 'timezone', 'country'] as const;

/**
 * What writing `upsert` over `existing` (null: a new customer) gives. A field the shop left out keeps its stored
 * value; tags, when sent, replace the stored ones; consents follow decideConsents (declarations default to the
 * batch's source and time).
 */
export function planCustomer(
  existing: CustomerRow | null,
  { input, purchase, countryHint }: CustomerUpsert,
  context: { id: string; merchantId: string; source: string; now: Date },
): PlannedCustomer {
  const country = input.country ?? existing?.country ?? countryHint;
  const phoneRaw = input.phone ?? existing?.phoneRaw ?? null;
  const current = existing?.consents ?? { transactional: NO_CONSENT, marketing: NO_CONSENT };
  const decisions: Partial<Record<ConsentPurpose, ConsentDecision>> = {};
  for (const purpose of ['transactional', 'marketing'] as const) {
    const declared = input.consents?.[purpose];
    if (declared) {
      decisions[purpose] = { state: declared.state, source: declared.source ?? context.source, at: declared.at ? new Date(declared.at) : context.now };
    }
  }
  decisions.transactional ??= purchase ? defaultTransactional(current, purchase, context.now) : undefined;
  const { consents, changes } = decideConsents(current, decisions);

  const row: CustomerRow = {
    id: existing?.id ?? context.id,
    merchantId: context.merchantId,
    // The stored spelling wins: the address is the same case-insensitively, and a changed case is no change.
    email: existing?.email ?? input.email,
    externalId: input.externalId ?? existing?.externalId ?? null,
    phone: input.phone !== undefined ? toE164(input.phone, country) : (existing?.phone ?? null),
    phoneRaw,
    name: input.name ?? existing?.name ?? null,
    firstName: input.firstName ?? existing?.firstName ?? null,
    locale: input.locale ?? existing?.locale ?? null,
    timezone: input.timezone ?? existing?.timezone ?? null,
    country,
    tags: input.tags ?? existing?.tags ?? [],
    consents,
    erasedAt: null,
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
  };
  if (!existing) return { row, outcome: 'created', consentChanges: changes };
  const same =
    changes.length === 0 &&
    FIELDS.every((field) => row[field] === existing[field]) &&
    row.tags.length === existing.tags.length &&
    row.tags.every((tag, i) => tag === existing.tags[i]);
  return same
    ? { row: existing, outcome: 'unchanged', consentChanges: [] }
    : { row, outcome: 'updated', consentChanges: changes };
}
