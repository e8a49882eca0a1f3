import type { ImportView } from '@postino/api-contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const RECENT_IMPORTS = 20;

export interface ImportPage {
  items: ImportView[];
  nextCursor: string | null;
}

export function getImports(signal?: AbortSignal): Promise<ImportPage> {
  return api.get<ImportPage>('/api/v1/imports', { query: { limit: RECENT_IMPORTS }, signal });
}

export const importsQueryOptions = queryOptions({
  queryKey: ['imports', 'list'],
  queryFn: ({ signal }) => getImports(signal),
  // Imports started elsewhere (another tab, the API) move on by themselves.
  refetchInterval: (query) => (query.state.data?.items.some((item) => item.state === 'running') ? 2000 : false),
});

/** The newest imports, running ones with their progress. */
export function useImports() {
  return useQuery(importsQueryOptions);
}
