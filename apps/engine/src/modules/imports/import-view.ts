import type { ImportView } from '@postino/api-contract';
import type { ImportRow } from './import';

export function importView(i: ImportRow): ImportView {
  return {
    id: i.id,
    kind: i.kind,
    fileName: i.fileName,
    state: i.state,
    bytesTotal: i.bytesTotal,
    bytesRead: i.bytesRead,
    rowsDone: i.rowsDone,
    rowsFailed: i.rowsFailed,
    items: { created: i.itemsCreated, updated: i.itemsUpdated, unchanged: i.itemsUnchanged },
    errorCount: i.errorCount,
    errorsUrl: `/api/v1/imports/${i.id}/errors.csv`,
    ignoredColumns: i.ignoredColumns,
    error: i.error,
    startedAt: new Date(i.startedAt).toISOString(),
    finishedAt: i.finishedAt ? new Date(i.finishedAt).toISOString() : null,
  };
}
