import type { ImportView } from '@postino/api-contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { parseErrorReport, type ImportRowError } from '../utils/parse-error-report';

export async function getImportErrors(view: Pick<ImportView, 'errorsUrl'>, signal?: AbortSignal): Promise<ImportRowError[]> {
  return parseErrorReport(await api.get<string>(view.errorsUrl, { signal }));
}

export function importErrorsQueryOptions(view: Pick<ImportView, 'id' | 'errorsUrl'>) {
  return queryOptions({
    queryKey: ['imports', 'detail', view.id, 'errors'],
    queryFn: ({ signal }) => getImportErrors(view, signal),
    // A finished import's report never changes.
    staleTime: Infinity,
  });
}

/** The refused rows of a finished import (row, column, reason), read from its downloadable report. */
export function useImportErrors(view: ImportView | undefined) {
  const ready = view !== undefined && view.state !== 'running' && view.errorCount > 0;
  return useQuery({ ...importErrorsQueryOptions(view ?? { id: '', errorsUrl: '' }), enabled: ready });
}
