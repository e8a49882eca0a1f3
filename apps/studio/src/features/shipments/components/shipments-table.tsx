import { Link, useNavigate } from 'react-router-dom';
import { RelativeTime } from '../../../components/relative-time';
import { formatPlace } from '../../../lib/format-place';
import type { ShipmentSummary } from '../types';
import { StatusChip } from './status-chip';

export function shipmentPath(id: string): string {
  return `/shipments/${encodeURIComponent(id)}`;
}

export function ShipmentsTable({ shipments }: { shipments: ShipmentSummary[] }) {
  const navigate = useNavigate();

  return (
    <div className="table-wrapper">
      <table className="table table--interactive">
        <caption className="visually-hidden">Shipments</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Carrier</th>
            <th scope="col">Tracking number</th>
            <th scope="col">Order</th>
            <th scope="col">Customer</th>
            <th scope="col">Last event</th>
          </tr>
        </thead>
        <tbody>
          {shipments.map((shipment) => {
            const place = formatPlace(shipment.lastEvent?.location);
            return (
              // The tracking-number link is the keyboard and screen-reader route; the row click is a mouse shortcut.
              <tr key={shipment.id} onClick={() => navigate(shipmentPath(shipment.id))}>
                <td>
                  <StatusChip status={shipment.status} />
                </td>
                <td>{shipment.carrierName}</td>
                <td>
                  <Link className="mono" to={shipmentPath(shipment.id)} onClick={(event) => event.stopPropagation()}>
                    {shipment.trackingNumber}
                  </Link>
                </td>
                <td>{shipment.orderNumber ?? <span className="muted">—</span>}</td>
                <td>
                  <div>{shipment.customer.name ?? <span className="muted">—</span>}</div>
                  {shipment.customer.email && <div className="muted small">{shipment.customer.email}</div>}
                </td>
                <td>
                  {shipment.lastEvent ? (
                    <>
                      <div>{shipment.lastEvent.description}</div>
                      <div className="muted small">
                        <RelativeTime value={shipment.lastEvent.occurredAt} />
                        {place && ` · ${place}`}
                      </div>
                    </>
                  ) : (
                    <span className="muted">No events yet</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
