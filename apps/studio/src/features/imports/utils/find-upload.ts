import type { ImportKindName, ImportView } from '@postino/api-contract';

/** A file being uploaded, and the imports that existed before it started. */
export interface PendingUpload {
  kind: ImportKindName;
  fileName: string;
  size: number;
  knownIds: readonly string[];
}

/**
 * The import an upload created, found among the newest imports while the upload runs: the answer to the upload
 * carries its id only at the end. It is the new one of the same kind, file name and size.
 */
export function findUpload(imports: readonly ImportView[], upload: PendingUpload): ImportView | undefined {
  return imports.find(
    (view) =>
      !upload.knownIds.includes(view.id) &&
      view.kind === upload.kind &&
      view.fileName === upload.fileName &&
      (view.bytesTotal === null || view.bytesTotal === upload.size),
  );
}
