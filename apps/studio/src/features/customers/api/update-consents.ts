import type { UpdateConsentsRequest } from '@postino/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Consents } from '../types';

export function updateConsents(customerId: string, request: UpdateConsentsRequest): Promise<Consents> {
  return api.patch<Consents>(`/api/v1/customers/${encodeURIComponent(customerId)}/consents`, request);
}

/** Grants or withdraws consents; the customer (its history too), the lists and orders showing it are read again. */
export function useUpdateConsents(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateConsentsRequest) => updateConsents(customerId, request),
    // Orders show their customer's consents too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
        queryClient.invalidateQueries({ queryKey: ['orders', 'detail'] }),
      ]),
  });
}
