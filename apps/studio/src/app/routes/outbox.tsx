import { useParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { listOutbox } from '../../features/outbox/api/outbox-api';
import { OutboxEmailView } from '../../features/outbox/components/outbox-email-view';
import { OutboxList } from '../../features/outbox/components/outbox-list';
import { newestFirst } from '../../features/outbox/utils/newest-first';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useResource } from '../../hooks/use-resource';

const OUTBOX_REFRESH_MS = 3000;

export function OutboxRoute() {
  useDocumentTitle('Outbox');
  const { id: selectedId } = useParams();
  const outbox = useResource('outbox', listOutbox, { pollIntervalMs: OUTBOX_REFRESH_MS });
  const emails = outbox.data ? newestFirst(outbox.data.items) : [];

  function renderBody() {
    if (!outbox.data) {
      return outbox.error ? (
        <ErrorAlert error={outbox.error} onRetry={outbox.reload} />
      ) : (
        <LoadingIndicator label="Loading outbox…" />
      );
    }
    if (emails.length === 0) {
      return (
        <EmptyState title="No emails captured yet">
          Emails Postino sends through its capture mail server appear here within a few seconds.
        </EmptyState>
      );
    }
    return (
      <div className="split">
        <div className="split__list">
          <OutboxList emails={emails} selectedId={selectedId} />
        </div>
        <div className="split__detail">
          {selectedId ? (
            <OutboxEmailView id={selectedId} />
          ) : (
            <p className="muted split__hint">Select an email to see it as the recipient would.</p>
          )}
        </div>
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Emails captured instead of being delivered. Refreshes every 3 seconds."
      />
      {outbox.data && outbox.error ? <ErrorAlert error={outbox.error} onRetry={outbox.reload} /> : null}
      {renderBody()}
    </>
  );
}
