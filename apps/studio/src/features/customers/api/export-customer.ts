import type { CustomerExport } from '@postino/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveFile } from '../../../lib/save-file';
import { exportFilename } from '../utils/export-filename';

export function exportCustomer(customerId: string): Promise<CustomerExport> {
  return api.get<CustomerExport>(`/api/v1/customers/${encodeURIComponent(customerId)}/export`);
}

/**
 * Downloads everything Postino holds about the customer as JSON. A mutation, not a query: each export is
 * recorded in the privacy audit, so it runs only when asked and is never cached or refetched.
 */
export function useExportCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => exportCustomer(customerId),
    onSuccess: (data) => {
      saveFile(JSON.stringify(data, null, 2), exportFilename(data), 'application/json');
      return queryClient.invalidateQueries({ queryKey: ['customers', 'detail', customerId] });
    },
  });
}
