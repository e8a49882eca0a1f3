import type { OrderView } from '@postino/api-contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OrderFilters } from '../types';
import { toOrdersQuery } from '../utils/order-filters';

export const ORDERS_PAGE_SIZE = 50;

export interface OrderPage {
  items: OrderView[];
  nextCursor: string | null;
}

export function getOrders(filters: OrderFilters, cursor: string | null, signal?: AbortSignal): Promise<OrderPage> {
  return api.get<OrderPage>('/api/v1/orders', {
    query: { ...toOrdersQuery(filters), cursor, limit: ORDERS_PAGE_SIZE },
    signal,
  });
}

export function ordersQueryOptions(filters: OrderFilters) {
  return infiniteQueryOptions({
    queryKey: ['orders', 'list', filters],
    queryFn: ({ pageParam, signal }) => getOrders(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Newest placed first, matching the filters; further pages on demand. */
export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery(ordersQueryOptions(filters));
}
