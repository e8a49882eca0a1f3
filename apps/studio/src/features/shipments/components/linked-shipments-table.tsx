import type { ShipmentSummary } from '@postino/api-contract';
import type { Substatus } from '@postino/status';
import { Link } from 'react-router-dom';
import { RelativeTime } from '../../../components/relative-time';
import { useCarriers } from '../api/carriers-api';
import { shipmentPath } from './shipments-table';
import { StatusChip } from './status-chip';

interface LinkedShipmentsTableProps {
  shipments: ShipmentSummary[];
  /** Beside one order, the order column says nothing new. */
  showOrder?: boolean;
}

/** The shipments of one order or one customer. */
export function LinkedShipmentsTable({ shipments, showOrder = true }: LinkedShipmentsTableProps) {
  const carriers = useCarriers();
  const carrierName = (slug: string) => carriers.data?.find((carrier) => carrier.slug === slug)?.name ?? slug;

  if (shipments.length === 0) return <p className="muted">No shipments yet.</p>;
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="visually-hidden">Shipments</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Carrier</th>
            <th scope="col">Tracking number</th>
            {showOrder && <th scope="col">Order</th>}
            <th scope="col">Last scan</th>
            <th scope="col">
              <span className="visually-hidden">Tracking page</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shipments.map((shipment) => (
            <tr key={shipment.id}>
              <td>
                <StatusChip status={shipment.status} substatus={shipment.substatus as Substatus | null} />
              </td>
              <td>{carrierName(shipment.carrier)}</td>
              <td>
                <Link className="mono" to={shipmentPath(shipment.id)}>
                  {shipment.trackingNumber}
                </Link>
              </td>
              {showOrder && <td>{shipment.orderNumber ?? <span className="muted">—</span>}</td>}
              <td>{shipment.lastEventAt ? <RelativeTime value={shipment.lastEventAt} /> : <span className="muted">None yet</span>}</td>
              <td className="table__actions">
                <a href={shipment.trackingPageUrl} target="_blank" rel="noopener noreferrer" className="small">
                  Tracking page<span className="visually-hidden"> of {shipment.trackingNumber} (opens in a new tab)</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
