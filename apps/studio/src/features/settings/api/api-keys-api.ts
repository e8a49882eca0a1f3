import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ApiKey, CreatedApiKey } from '../types';

export function listApiKeys(signal?: AbortSignal): Promise<ApiKey[]> {
  return api.get<ApiKey[]>('/api/v1/api-keys', { signal });
}

export function createApiKey(name: string): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>('/api/v1/api-keys', { name });
}

export function revokeApiKey(id: string): Promise<void> {
  return api.delete(`/api/v1/api-keys/${encodeURIComponent(id)}`);
}

export const apiKeysQueryOptions = queryOptions({
  queryKey: ['api-keys'],
  queryFn: ({ signal }) => listApiKeys(signal),
});

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions);
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}

/** The key stops authenticating at once; the list shows it revoked. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}
