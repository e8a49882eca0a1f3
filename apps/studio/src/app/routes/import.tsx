import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { useImport } from '../../features/imports/api/get-import';
import { useImports } from '../../features/imports/api/get-imports';
import { useStartImport } from '../../features/imports/api/start-import';
import { ImportForm } from '../../features/imports/components/import-form';
import { ImportProgressPanel } from '../../features/imports/components/import-progress-panel';
import { RecentImportsTable } from '../../features/imports/components/recent-imports-table';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function ImportRoute() {
  useDocumentTitle('Import');
  const { upload, importId } = useStartImport();
  const current = useImport(importId);
  const recent = useImports();
  const file = upload.variables?.file;

  return (
    <>
      <PageHeader
        title="Import"
        description="Bring in orders (with their shipments and customers) or your product catalogue from a CSV file."
      />
      <div className="card-grid card-grid--wide">
        <section className="card" aria-labelledby="upload-heading">
          <h2 id="upload-heading">Upload a CSV file</h2>
          <ImportForm
            onStart={(input) => upload.mutate(input)}
            uploading={upload.isPending}
            error={importId ? undefined : upload.error}
          />
        </section>
        {file && (upload.isPending || importId) ? (
          <ImportProgressPanel view={current.data} fileName={file.name} fileSize={file.size} />
        ) : null}
      </div>
      <section className="section" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent imports</h2>
        {recent.isPending ? (
          <LoadingIndicator label="Loading imports…" />
        ) : recent.isError ? (
          <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} />
        ) : (
          <RecentImportsTable imports={recent.data.items} />
        )}
      </section>
    </>
  );
}
