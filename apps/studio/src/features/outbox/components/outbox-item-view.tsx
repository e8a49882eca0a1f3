import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { useResource } from '../../../hooks/use-resource';
import { getOutboxItem } from '../api/outbox-api';
import { OutboxItemContent } from './outbox-channels';

/** One captured message, whatever its channel, as its recipient would see it. */
export function OutboxItemView({ id }: { id: string }) {
  const item = useResource(`outbox:${id}`, (signal) => getOutboxItem(id, signal));

  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (!item.data) return <LoadingIndicator label="Loading message…" />;
  return <OutboxItemContent item={item.data} />;
}
