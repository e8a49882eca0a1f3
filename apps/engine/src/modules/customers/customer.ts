import type { ConsentState } from '@postino/api-contract';
import type { Consents } from './consent';

export interface CustomerRow {
  id: string;
  merchantId: string;
  email: string | null;
  externalId: string | null;
  phone: string | null;
  phoneRaw: string | null;
  name: string | null;
  firstName: string | null;
  locale: string | null;
  timezone: string | null;
  country: string | null;
  tags: string[];
  consents: Consents;
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of a customer, read as `CustomerDbRow` (flat consents) by `fromDb`. */
export const CUSTOMER_COLUMNS = `
  c.id, c.merchant_id AS "merchantId", c.email, c.external_id AS "externalId", c.phone, c.phone_raw AS "phoneRaw",
  c.name, c.first_name AS "firstName", c.locale, c.timezone, c.country, c.tags,
  c.transactional_consent AS "transactionalState", c.transactional_consent_source AS "transactionalSource",
  c.transactional_consent_at AS "transactionalAt", c.marketing_consent AS "marketingState",
  c.marketing_consent_source AS "marketingSource", c.marketing_consent_at AS "marketingAt",
  c.erased_at AS "erasedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

export type CustomerDbRow = Omit<CustomerRow, 'consents'> & {
  transactionalState: ConsentState;
  transactionalSource: string | null;
  transactionalAt: Date | null;
  marketingState: ConsentState;
  marketingSource: string | null;
  marketingAt: Date | null;
};

export function fromDb(row: CustomerDbRow): CustomerRow {
  const { transactionalState, transactionalSource, transactionalAt, marketingState, marketingSource, marketingAt, ...rest } = row;
  return {
    ...rest,
    consents: {
      transactional: { state: transactionalState, source: transactionalSource, at: transactionalAt },
      marketing: { state: marketingState, source: marketingSource, at: marketingAt },
    },
  };
}
