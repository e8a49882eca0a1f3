import type { ShipmentSummary } from '../types';

/**
 * Appends the next page to what is shown. A shipment updated while paging can come back on a later page;
 * it is shown once, where it first appeared.
 */
export function mergePages(shown: readonly ShipmentSummary[], next: readonly ShipmentSummary[]): ShipmentSummary[] {
  const seen = new Set(shown.map((shipment) => shipment.id));
  return [...shown, ...next.filter((shipment) => !seen.has(shipment.id))];
}
