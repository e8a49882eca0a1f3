import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatCalendarDate, formatDateTime } from '../../../lib/format-time';
import { formatPlace } from '../../../lib/format-place';
import type { ShipmentDetail } from '../types';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children || <span className="muted">—</span>}</dd>
    </div>
  );
}

/** Who the parcel is for, where it goes and which order it belongs to. */
export function ShipmentOverview({ shipment }: { shipment: ShipmentDetail }) {
  const { customer } = shipment;
  return (
    <div className="card-grid">
      <section className="card" aria-labelledby="customer-heading">
        <h2 id="customer-heading">Customer</h2>
        <dl className="facts">
          <Fact term="Name">{customer.name}</Fact>
          <Fact term="Email">{customer.email && <a href={`mailto:${customer.email}`}>{customer.email}</a>}</Fact>
          <Fact term="Phone">{customer.phone && <a href={`tel:${customer.phone}`}>{customer.phone}</a>}</Fact>
          <Fact term="Language">{customer.locale}</Fact>
          <Fact term="Time zone">{customer.timezone}</Fact>
        </dl>
        {shipment.customerId && (
          <p className="small">
            <Link to={`/customers/${encodeURIComponent(shipment.customerId)}`}>Open the customer</Link> (consents, orders,
            messages)
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="delivery-heading">
        <h2 id="delivery-heading">Delivery</h2>
        <dl className="facts">
          <Fact term="Destination">{formatPlace(shipment.destination)}</Fact>
          <Fact term="Order">
            {shipment.orderId && shipment.orderNumber ? (
              <Link to={`/orders/${encodeURIComponent(shipment.orderId)}`}>{shipment.orderNumber}</Link>
            ) : (
              shipment.orderNumber
            )}
          </Fact>
          <Fact term="Promised by">
            {shipment.promisedDeliveryDate && formatCalendarDate(shipment.promisedDeliveryDate)}
          </Fact>
          <Fact term="Created">{formatDateTime(shipment.createdAt)}</Fact>
          <Fact term="Updated">{formatDateTime(shipment.updatedAt)}</Fact>
        </dl>
      </section>
    </div>
  );
}
