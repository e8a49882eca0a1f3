import type { orderDetailSchema } from '@postino/api-contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';

export type OrderDetail = z.infer<typeof orderDetailSchema>;

export function getOrder(id: string, signal?: AbortSignal): Promise<OrderDetail> {
  return api.get<OrderDetail>(`/api/v1/orders/${encodeURIComponent(id)}`, { signal });
}

export function orderQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['orders', 'detail', id],
    queryFn: ({ signal }) => getOrder(id, signal),
  });
}

/** One order with its customer and shipments. */
export function useOrder(id: string) {
  return useQuery(orderQueryOptions(id));
}
