import type { CustomerView } from '@postino/api-contract';

/** A customer's two consents as the API reports them. */
export type Consents = CustomerView['consents'];

export type Consent = Consents['transactional'];
