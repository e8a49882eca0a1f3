import type { UnsubscribeRequest } from '@postino/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Consents } from '../types';

export function unsubscribeCustomer(customerId: string, request: UnsubscribeRequest): Promise<Consents> {
  return api.post<Consents>(`/api/v1/customers/${encodeURIComponent(customerId)}/unsubscribe`, request);
}

/** Records an unsubscribe (marketing only, or everything) on the customer's behalf; honoured at once. */
export function useUnsubscribeCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UnsubscribeRequest) => unsubscribeCustomer(customerId, request),
    // Orders show their customer's consents too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
        queryClient.invalidateQueries({ queryKey: ['orders', 'detail'] }),
      ]),
  });
}
