import type { Status, Substatus } from '@postino/status';
import { matchKeywordRules } from './keyword-rules';
import { listCarriers } from './registry';

export interface CarrierEventInput {
  code?: string | null;
  description?: string | null;
}

export interface NormalizedCarrierEvent {
  status: Status | null;
  substatus: Substatus | null;
  /** What decided: the carrier's code table, the keyword rules on the description, or nothing. */
  via: 'code' | 'keywords' | 'none';
}

function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Each carrier's table keyed by normalized code, so "od", " OD " and "OD" are the same code. */
const CODE_TABLES = new Map(
  listCarriers().map((carrier) => [
    carrier.slug,
    new Map(Object.entries(carrier.codes).map(([code, mapping]) => [normalizeCode(code), mapping])),
  ]),
);

/**
 * Maps one carrier event to the standard status model. Never throws: a code the carrier's table
 * does not know (or an unknown carrier) falls back on keyword rules over the description, and an
 * event nothing recognises comes back with `status: null` and `via: 'none'` so it can be kept raw.
 */
export function normalizeCarrierEvent(carrierSlug: string, event: CarrierEventInput): NormalizedCarrierEvent {
  const mapping = event.code ? CODE_TABLES.get(carrierSlug)?.get(normalizeCode(event.code)) : undefined;
  if (mapping) return { status: mapping.status, substatus: mapping.substatus ?? null, via: 'code' };

  const keywordMatch = matchKeywordRules(event.description);
  if (keywordMatch) return { ...keywordMatch, via: 'keywords' };

  return { status: null, substatus: null, via: 'none' };
}
