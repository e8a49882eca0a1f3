import type { CreateIntegrationRequest, integrationWithSecretSchema } from '@postino/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { INTEGRATIONS_PATH } from './get-integrations';

/** An integration as created or rotated: the only answers that carry its secret. */
export type IntegrationWithSecret = z.infer<typeof integrationWithSecretSchema>;

export function createIntegration(request: CreateIntegrationRequest): Promise<IntegrationWithSecret> {
  return api.post<IntegrationWithSecret>(INTEGRATIONS_PATH, request);
}

export function useCreateIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIntegration,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['integrations'] }),
  });
}
