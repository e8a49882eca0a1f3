import { useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { useOutbox } from '../../features/outbox/api/outbox-api';
import { OutboxChannelTabs } from '../../features/outbox/components/outbox-channel-tabs';
import { isOutboxChannelName, OUTBOX_CHANNELS } from '../../features/outbox/components/outbox-channels';
import { OutboxItemView } from '../../features/outbox/components/outbox-item-view';
import { OutboxList } from '../../features/outbox/components/outbox-list';
import { newestFirst } from '../../features/outbox/utils/newest-first';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function OutboxRoute() {
  useDocumentTitle('Outbox');
  const { id: selectedId } = useParams();
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('channel');
  const channel = isOutboxChannelName(requested) ? requested : null;
  const outbox = useOutbox(channel);
  const items = outbox.data ? newestFirst(outbox.data.items) : [];
  const search = channel ? `?channel=${channel}` : '';

  function renderBody() {
    if (!outbox.data) {
      return outbox.error ? (
        <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : (
        <LoadingIndicator label="Loading outbox…" />
      );
    }
    if (items.length === 0) {
      return (
        <EmptyState title={channel ? OUTBOX_CHANNELS[channel].emptyTitle : 'Nothing captured yet'}>
          Emails and SMS Postino sends through its local capture servers appear here within a few seconds.
        </EmptyState>
      );
    }
    return (
      <div className="split">
        <div className="split__list">
          <OutboxList items={items} selectedId={selectedId} search={search} />
        </div>
        <div className="split__detail">
          {selectedId ? (
            <OutboxItemView id={selectedId} />
          ) : (
            <p className="muted split__hint">Select a message to see it as the recipient would.</p>
          )}
        </div>
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Emails and SMS captured instead of being delivered. Refreshes every 3 seconds."
      />
      <OutboxChannelTabs current={channel} />
      {outbox.data && outbox.error ? <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
      {renderBody()}
    </>
  );
}
