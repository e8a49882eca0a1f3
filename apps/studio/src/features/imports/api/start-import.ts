import type { ImportKindName, ImportView } from '@postino/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../lib/api-client';
import { findUpload, type PendingUpload } from '../utils/find-upload';
import { importIdOf } from '../utils/import-id-of';
import { importQueryOptions, PROGRESS_POLL_MS } from './get-import';
import { getImports } from './get-imports';

export interface StartImportInput {
  kind: ImportKindName;
  file: File;
}

/**
 * Streams the file as the request body; the engine parses and applies it while it arrives and answers when
 * all of it is done. Sent as text/csv whatever type the browser guessed from the name (slicing copies nothing).
 */
export function startImport({ kind, file }: StartImportInput): Promise<ImportView> {
  return api.postFile<ImportView>('/api/v1/imports', file.slice(0, file.size, 'text/csv'), {
    query: { kind, fileName: file.name },
  });
}

/**
 * Starts an import and tells which import it is while it runs: the upload's answer comes only at the end, so
 * the newest imports are read until the new one of this file shows up, then its own progress is followed.
 */
export function useStartImport() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingUpload | null>(null);

  const upload = useMutation({
    mutationFn: async (input: StartImportInput) => {
      setPending(null);
      const before = await getImports();
      setPending({ kind: input.kind, fileName: input.file.name, size: input.file.size, knownIds: before.items.map((i) => i.id) });
      return startImport(input);
    },
    onSuccess: (view) => queryClient.setQueryData(importQueryOptions(view.id).queryKey, view),
    onSettled: (_view, error) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['imports', 'list'] }),
        // A refused file may have left an import (rows before the problem are kept): read its final state.
        importIdOf(error) && queryClient.invalidateQueries({ queryKey: importQueryOptions(importIdOf(error)!).queryKey }),
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });

  const found = useQuery({
    queryKey: ['imports', 'upload', pending],
    queryFn: async ({ signal }) => {
      const view = pending ? findUpload((await getImports(signal)).items, pending) : undefined;
      // The recent imports list shows it running too from now on (and follows it while it runs).
      if (view) void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      return view ?? null;
    },
    enabled: pending !== null && upload.isPending,
    refetchInterval: (query) => (query.state.data ? false : PROGRESS_POLL_MS),
  });

  const importId = upload.data?.id ?? importIdOf(upload.error) ?? found.data?.id;
  return { upload, pending, importId };
}
