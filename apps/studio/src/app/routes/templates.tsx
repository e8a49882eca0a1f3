import { useParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { useEmailTemplates } from '../../features/templates/api/email-templates-api';
import { TemplatePreview } from '../../features/templates/components/template-preview';
import { TemplatesTable } from '../../features/templates/components/templates-table';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function TemplatesRoute() {
  useDocumentTitle('Templates');
  const { id: selectedId } = useParams();
  const templates = useEmailTemplates();

  function renderSelection() {
    if (!selectedId) return <p className="muted">Select a template to preview it.</p>;
    const selected = templates.data?.find((template) => template.id === selectedId);
    if (!selected) return <p className="muted">There is no template at this address; select one above.</p>;
    return <TemplatePreview key={selected.id} template={selected} />;
  }

  function renderBody() {
    if (templates.error) return <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />;
    if (!templates.data) return <LoadingIndicator label="Loading templates…" />;
    if (templates.data.length === 0) {
      return (
        <EmptyState title="No templates yet">
          Templates are created through the API for now (<code>POST /api/v1/email-templates</code>); the drag-and-drop
          editor is coming.
        </EmptyState>
      );
    }
    return (
      <div className="stack">
        <TemplatesTable templates={templates.data} selectedId={selectedId} />
        {renderSelection()}
      </div>
    );
  }

  return (
    <>
      <PageHeader title="Templates" description="The emails your flows send, with a preview of each." />
      {renderBody()}
    </>
  );
}
