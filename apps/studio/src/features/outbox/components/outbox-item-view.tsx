import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { useOutboxItem } from '../api/outbox-api';
import { OutboxItemContent } from './outbox-channels';

/** One captured message, whatever its channel, as its recipient would see it. */
export function OutboxItemView({ id }: { id: string }) {
  const item = useOutboxItem(id);

  if (item.error) return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <LoadingIndicator label="Loading message…" />;
  return <OutboxItemContent item={item.data} />;
}
