import type { CustomerView } from '@postino/api-contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const CUSTOMERS_PAGE_SIZE = 50;

export interface CustomerPage {
  items: CustomerView[];
  nextCursor: string | null;
}

export function getCustomers(q: string, cursor: string | null, signal?: AbortSignal): Promise<CustomerPage> {
  return api.get<CustomerPage>('/api/v1/customers', { query: { q, cursor, limit: CUSTOMERS_PAGE_SIZE }, signal });
}

export function customersQueryOptions(q: string) {
  return infiniteQueryOptions({
    queryKey: ['customers', 'list', { q }],
    queryFn: ({ pageParam, signal }) => getCustomers(q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Newest customers first; `q` finds part of an e-mail, name or phone number. */
export function useCustomers(q: string) {
  return useInfiniteQuery(customersQueryOptions(q));
}
