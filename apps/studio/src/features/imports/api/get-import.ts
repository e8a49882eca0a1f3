import type { ImportView } from '@postino/api-contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** How often a running import's progress is read. */
export const PROGRESS_POLL_MS = 500;

export function getImport(id: string, signal?: AbortSignal): Promise<ImportView> {
  return api.get<ImportView>(`/api/v1/imports/${encodeURIComponent(id)}`, { signal });
}

export function importQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['imports', 'detail', id],
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? PROGRESS_POLL_MS : false),
    refetchIntervalInBackground: true,
  });
}

/** One import, read again every half second while it runs: rows done and failed, bytes read of the total. */
export function useImport(id: string | undefined) {
  return useQuery({ ...importQueryOptions(id ?? ''), enabled: id !== undefined });
}
