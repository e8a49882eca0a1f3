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
