import type { CustomerErasure } from '@postino/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function eraseCustomer(customerId: string): Promise<CustomerErasure> {
  return api.post<CustomerErasure>(`/api/v1/customers/${encodeURIComponent(customerId)}/erase`, {});
}

/**
 * Erases the customer's personal data everywhere (customer, orders, shipments, messages, captured mails).
 * Everything cached may hold the erased data, so all of it is read again.
 */
export function useEraseCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => eraseCustomer(customerId),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
