import {
  CONSENT_PURPOSES,
  CONSENT_STATES,
  sourceSchema,
  updateConsentsRequestSchema,
  type UpdateConsentsRequest,
} from '@postino/api-contract';
import { z } from 'zod';
import type { Consents } from '../types';

/** The consents form: a state per purpose and who asked for the change, worded by the shared field schemas. */
export const consentsFormSchema = z.object({
  transactional: z.enum(CONSENT_STATES),
  marketing: z.enum(CONSENT_STATES),
  source: sourceSchema,
});
export type ConsentsFormInput = z.input<typeof consentsFormSchema>;
export type ConsentsFormValues = z.output<typeof consentsFormSchema>;

/** Where a customer-service agent records a decision the customer told them. */
export const DEFAULT_CONSENT_SOURCE = 'customer_service';

export function consentsFormDefaults(current: Consents): ConsentsFormInput {
  return { transactional: current.transactional.state, marketing: current.marketing.state, source: DEFAULT_CONSENT_SOURCE };
}

/**
 * The API request for what the form changed, checked by the API's own schema; null when nothing changed
 * (a consent cannot be set back to "not given", so that choice is never a change).
 */
export function toConsentsRequest(current: Consents, values: ConsentsFormValues): UpdateConsentsRequest | null {
  const request: UpdateConsentsRequest = {};
  for (const purpose of CONSENT_PURPOSES) {
    const state = values[purpose];
    if (state !== 'none' && state !== current[purpose].state) request[purpose] = { state, source: values.source };
  }
  const parsed = updateConsentsRequestSchema.safeParse(request);
  return parsed.success ? parsed.data : null;
}
