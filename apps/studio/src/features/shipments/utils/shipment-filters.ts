import { STATUSES, type Status } from '@postino/status';
import type { ShipmentFilters } from '../types';

function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** Filters from the page URL, so a filtered list can be bookmarked and shared. Unknown statuses are ignored. */
export function readShipmentFilters(params: URLSearchParams): ShipmentFilters {
  const filters: ShipmentFilters = {};
  const status = params.get('status');
  if (status && isStatus(status)) filters.status = status;
  const carrier = params.get('carrier')?.trim();
  if (carrier) filters.carrier = carrier;
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  return filters;
}

export function writeShipmentFilters(filters: ShipmentFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  const carrier = filters.carrier?.trim();
  if (carrier) params.set('carrier', carrier);
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  return params;
}

export function hasActiveFilters(filters: ShipmentFilters): boolean {
  return writeShipmentFilters(filters).toString() !== '';
}
