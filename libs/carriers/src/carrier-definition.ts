import type { Status, Substatus } from '@postino/status';

/** A published document a code table row was written from. */
export interface CarrierSource {
  id: string;
  title: string;
  url: string;
}

/** How one of the carrier's own event codes maps to the standard status model. */
export interface CarrierCodeMapping {
  /** `null`: an informational event that never changes the shipment's status. */
  status: Status | null;
  substatus?: Substatus;
  /** The carrier's meaning of the code, in its own words. */
  description: string;
  /** A `sources[].id` of the same carrier. */
  source: string;
  /** Set when the row could not be checked against the cited source. */
  unverified?: true;
}

export interface CarrierDefinition {
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes where the carrier delivers, or `['*']` for worldwide. */
  countries: string[];
  /** The carrier's public tracking page; contains `{trackingNumber}`. */
  trackingUrlTemplate: string;
  /** Identifier of the carrier's native push/webhook payload format (informational). */
  nativeFormat: string;
  /**
   * Hours without a scan after which a shipment of this carrier counts as stalled (a merchant may override
   * it): about how long its network normally goes between scans of a moving parcel, plus a day.
   */
  stallAfterHours: number;
  sources: CarrierSource[];
  /** Keyed by the carrier's event code, as the carrier writes it. */
  codes: Record<string, CarrierCodeMapping>;
}

export const TRACKING_NUMBER_PLACEHOLDER = '{trackingNumber}';

/** The stall threshold for a carrier without a code table (and the scale the per-carrier ones are set on). */
export const DEFAULT_STALL_AFTER_HOURS = 72;
