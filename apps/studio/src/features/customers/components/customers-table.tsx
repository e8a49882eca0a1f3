import type { CustomerView } from '@postino/api-contract';
import { Link, useNavigate } from 'react-router-dom';
import { formatCalendarDate } from '../../../lib/format-time';
import { customerName } from '../utils/customer-name';
import { ConsentChip } from './consent-chip';
import '../customers.css';

export function customerPath(id: string): string {
  return `/customers/${encodeURIComponent(id)}`;
}

export function CustomersTable({ customers }: { customers: CustomerView[] }) {
  const navigate = useNavigate();

  return (
    <div className="table-wrapper">
      <table className="table table--interactive">
        <caption className="visually-hidden">Customers</caption>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Phone</th>
            <th scope="col">Country</th>
            <th scope="col">Shipment updates</th>
            <th scope="col">Marketing</th>
            <th scope="col">Customer since</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            // The name link is the keyboard and screen-reader route; the row click is a mouse shortcut.
            <tr key={customer.id} onClick={() => navigate(customerPath(customer.id))}>
              <td>
                <Link to={customerPath(customer.id)} onClick={(event) => event.stopPropagation()}>
                  {customerName(customer)}
                </Link>
                {customer.email && customer.email !== customerName(customer) && (
                  <div className="muted small">{customer.email}</div>
                )}
              </td>
              <td>{customer.phone ?? customer.phoneRaw ?? <span className="muted">—</span>}</td>
              <td>{customer.country ?? <span className="muted">—</span>}</td>
              <td>
                <ConsentChip consent={customer.consents.transactional} />
              </td>
              <td>
                <ConsentChip consent={customer.consents.marketing} />
              </td>
              <td>
                <time dateTime={customer.createdAt}>{formatCalendarDate(customer.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
