import type { RotateIntegrationSecretRequest } from '@postino/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { IntegrationWithSecret } from './create-integration';
import { INTEGRATIONS_PATH } from './get-integrations';

export function rotateIntegrationSecret(id: string, request: RotateIntegrationSecretRequest): Promise<IntegrationWithSecret> {
  return api.post<IntegrationWithSecret>(`${INTEGRATIONS_PATH}/${encodeURIComponent(id)}/rotate-secret`, request);
}

/** Replaces the signing secret; the old one stops verifying at once. */
export function useRotateIntegrationSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: RotateIntegrationSecretRequest }) => rotateIntegrationSecret(id, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['integrations'] }),
  });
}
