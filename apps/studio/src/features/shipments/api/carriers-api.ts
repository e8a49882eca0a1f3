import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Carrier } from '../types';

export function listCarriers(signal?: AbortSignal): Promise<Carrier[]> {
  return api.get<Carrier[]>('/api/v1/carriers', { signal });
}

export const carriersQueryOptions = queryOptions({
  queryKey: ['carriers'],
  queryFn: ({ signal }) => listCarriers(signal),
  // The registry changes only with a new engine release.
  staleTime: Infinity,
});

export function useCarriers() {
  return useQuery(carriersQueryOptions);
}
