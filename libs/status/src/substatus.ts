import { z } from 'zod';

/**
 * Finer detail that refines a status (e.g. `failed_attempt` + `recipient_unavailable`).
 * A substatus is not tied to one status: `damaged` may come with `exception` or `delivered`.
 */
export const SUBSTATUSES = [
  'label_created',
  'picked_up',
  'arrived_at_facility',
  'departed_facility',
  'customs_processing',
  'customs_cleared',
  'customs_hold',
  'payment_required',
  'delayed',
  'weather_delay',
  'misrouted',
  'held_at_depot',
  'address_issue',
  'location_inaccessible',
  'recipient_unavailable',
  'business_closed',
  'refused',
  'damaged',
  'lost',
  'cancelled',
  'returning_to_sender',
  'delivered_to_pickup_point',
  'delivered_to_neighbour',
  'delivered_to_safe_place',
  'collected_by_recipient',
  'signed_for',
] as const;

export type Substatus = (typeof SUBSTATUSES)[number];

export const substatusSchema = z.enum(SUBSTATUSES);
