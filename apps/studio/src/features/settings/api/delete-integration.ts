import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { INTEGRATIONS_PATH } from './get-integrations';

export function deleteIntegration(id: string): Promise<void> {
  return api.delete(`${INTEGRATIONS_PATH}/${encodeURIComponent(id)}`);
}

/** Its hook URL answers 404 from then on; the data it brought stays. */
export function useDeleteIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteIntegration,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['integrations'] }),
  });
}
