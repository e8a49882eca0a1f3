import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { ShipmentMessages } from '../../features/messages/components/shipment-messages';
import { useShipment } from '../../features/shipments/api/shipments-api';
import { EventTimeline } from '../../features/shipments/components/event-timeline';
import { ShipmentOverview } from '../../features/shipments/components/shipment-overview';
import { StatusChip } from '../../features/shipments/components/status-chip';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { ApiError } from '../../lib/api-error';

function BackLink() {
  return (
    <Link to="/shipments" className="back-link">
      ← All shipments
    </Link>
  );
}

export function ShipmentDetailRoute() {
  const { id = '' } = useParams();
  const shipment = useShipment(id);
  useDocumentTitle(shipment.data ? `Shipment ${shipment.data.trackingNumber}` : 'Shipment');

  if (shipment.error instanceof ApiError && shipment.error.status === 404) {
    return (
      <>
        <BackLink />
        <PageHeader title="Shipment not found" description="It may belong to another shop, or the link is wrong." />
      </>
    );
  }
  if (shipment.error) {
    return (
      <>
        <BackLink />
        <ErrorAlert error={shipment.error} onRetry={() => void shipment.refetch()} />
      </>
    );
  }
  if (!shipment.data) return <LoadingIndicator label="Loading shipment…" />;

  const detail = shipment.data;
  return (
    <>
      <BackLink />
      <PageHeader
        title={<span className="mono">{detail.trackingNumber}</span>}
        description={
          <span className="detail-summary">
            <StatusChip status={detail.status} substatus={detail.substatus} />
            <span>{detail.carrierName}</span>
          </span>
        }
        actions={
          detail.trackingPageUrl && (
            <a className="button" href={detail.trackingPageUrl} target="_blank" rel="noopener noreferrer">
              Open tracking page<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          )
        }
      />
      <ShipmentOverview shipment={detail} />
      <div className="card-grid card-grid--wide">
        <section className="card" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Timeline</h2>
          <EventTimeline events={detail.events} />
        </section>
        <section className="card" aria-labelledby="messages-heading">
          <h2 id="messages-heading">Messages</h2>
          <ShipmentMessages shipmentId={detail.id} />
        </section>
      </div>
    </>
  );
}
