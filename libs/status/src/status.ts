import { z } from 'zod';

/** The nine shipment statuses every carrier's codes are normalized into, in lifecycle order. */
export const STATUSES = [
  /** Known to us; nothing from the carrier yet. */
  'pending',
  /** Label created / the carrier has the data; awaiting pickup. */
  'info_received',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'failed_attempt',
  'delivered',
  'exception',
  'returned',
] as const;

export type Status = (typeof STATUSES)[number];

export const statusSchema = z.enum(STATUSES);

const TERMINAL_STATUSES: ReadonlySet<Status> = new Set<Status>(['delivered', 'returned']);

/** Delivered and returned end a shipment's journey; see `deriveShipmentStatus` for when they can still change. */
export function isTerminalStatus(status: Status): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** Position of the status in the lifecycle (0 = pending). */
export function statusOrder(status: Status): number {
  return STATUSES.indexOf(status);
}
