import type { CustomerView } from '@postino/api-contract';
import { Link } from 'react-router-dom';
import { customerName } from '../utils/customer-name';
import { ConsentChip } from './consent-chip';
import '../customers.css';
import { customerPath } from './customers-table';

/** The customer beside something of theirs (an order): who it is, how to reach them, what they allow. */
export function CustomerCard({ customer }: { customer: CustomerView | null }) {
  return (
    <section className="card" aria-labelledby="customer-heading">
      <h2 id="customer-heading">Customer</h2>
      {customer ? (
        <dl className="facts facts--compact">
          <div className="facts__row">
            <dt>Name</dt>
            <dd>
              <Link to={customerPath(customer.id)}>{customerName(customer)}</Link>
            </dd>
          </div>
          <div className="facts__row">
            <dt>E-mail</dt>
            <dd>{customer.email ?? <span className="muted">—</span>}</dd>
          </div>
          <div className="facts__row">
            <dt>Phone</dt>
            <dd>{customer.phone ?? customer.phoneRaw ?? <span className="muted">—</span>}</dd>
          </div>
          <div className="facts__row">
            <dt>Updates</dt>
            <dd>
              <ConsentChip consent={customer.consents.transactional} />
            </dd>
          </div>
          <div className="facts__row">
            <dt>Marketing</dt>
            <dd>
              <ConsentChip consent={customer.consents.marketing} />
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">The shop sent this order without a customer.</p>
      )}
    </section>
  );
}
