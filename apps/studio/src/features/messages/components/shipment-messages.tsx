import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { useShipmentMessages } from '../api/messages-api';
import { MessageList } from './message-list';

/** The messages sent (or skipped) for one shipment. */
export function ShipmentMessages({ shipmentId }: { shipmentId: string }) {
  const messages = useShipmentMessages(shipmentId);

  if (messages.error) return <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />;
  if (!messages.data) return <LoadingIndicator label="Loading messages…" />;
  return <MessageList messages={messages.data.items} />;
}
