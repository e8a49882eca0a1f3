import type { CustomerDetail } from '@postino/api-contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function getCustomer(id: string, signal?: AbortSignal): Promise<CustomerDetail> {
  return api.get<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(id)}`, { signal });
}

export function customerQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['customers', 'detail', id],
    queryFn: ({ signal }) => getCustomer(id, signal),
  });
}

/** One customer with consents and their history, and the newest orders, shipments and messages. */
export function useCustomer(id: string) {
  return useQuery(customerQueryOptions(id));
}
