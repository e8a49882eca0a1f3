import { ORDER_STATUSES, type OrderStatus } from '@postino/api-contract';
import type { OrderFilters } from '../types';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

/** Filters from the page URL, so a filtered list can be bookmarked and shared; malformed values are ignored. */
export function readOrderFilters(params: URLSearchParams): OrderFilters {
  const filters: OrderFilters = {};
  const status = params.get('status');
  if (status && isOrderStatus(status)) filters.status = status;
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  const from = params.get('from');
  if (from && DAY_PATTERN.test(from)) filters.from = from;
  const to = params.get('to');
  if (to && DAY_PATTERN.test(to)) filters.to = to;
  const customerId = params.get('customer');
  if (customerId && UUID_PATTERN.test(customerId)) filters.customerId = customerId;
  return filters;
}

export function writeOrderFilters(filters: OrderFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.customerId) params.set('customer', filters.customerId);
  return params;
}

export function hasActiveFilters(filters: OrderFilters): boolean {
  return writeOrderFilters(filters).toString() !== '';
}

/** Local midnight of a calendar day, `days` later, as the API's ISO time. */
function startOfDay(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + days).toISOString();
}

/**
 * The API query for the filters: a day range becomes [first day's midnight, the day after the last day's
 * midnight) in the viewer's time zone, so "to" includes the whole last day.
 */
export function toOrdersQuery(filters: OrderFilters) {
  return {
    status: filters.status,
    q: filters.q,
    customerId: filters.customerId,
    createdFrom: filters.from ? startOfDay(filters.from) : undefined,
    createdTo: filters.to ? startOfDay(filters.to, 1) : undefined,
  };
}
