import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { useResource } from '../../../hooks/use-resource';
import { listShipmentMessages } from '../api/messages-api';
import { MessageList } from './message-list';

/** The messages sent (or skipped) for one shipment. */
export function ShipmentMessages({ shipmentId }: { shipmentId: string }) {
  const messages = useResource(`messages:${shipmentId}`, (signal) => listShipmentMessages(shipmentId, signal));

  if (messages.error) return <ErrorAlert error={messages.error} onRetry={messages.reload} />;
  if (!messages.data) return <LoadingIndicator label="Loading messages…" />;
  return <MessageList messages={messages.data.items} />;
}
