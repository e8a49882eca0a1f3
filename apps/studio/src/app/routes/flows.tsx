import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { useFlowDetails } from '../../features/flows/api/flows-api';
import { FlowsTable } from '../../features/flows/components/flows-table';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function FlowsRoute() {
  useDocumentTitle('Flows');
  const flows = useFlowDetails();

  function renderBody() {
    if (flows.error) return <ErrorAlert error={flows.error} onRetry={() => void flows.refetch()} />;
    if (!flows.data) return <LoadingIndicator label="Loading flows…" />;
    if (flows.data.length === 0) {
      return (
        <EmptyState title="No flows yet">
          Flows are created through the API for now (<code>POST /api/v1/flows</code>); the visual editor is coming.
        </EmptyState>
      );
    }
    return <FlowsTable flows={flows.data} />;
  }

  return (
    <>
      <PageHeader title="Flows" description="What each flow waits for, and the steps it then takes." />
      {renderBody()}
    </>
  );
}
