import type { CustomerDetail } from '@postino/api-contract';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format-time';
import '../customers.css';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children ?? <span className="muted">—</span>}</dd>
    </div>
  );
}

/** Contact data and preferences as the shop sent them. */
export function CustomerProfile({ customer }: { customer: CustomerDetail }) {
  const phone = customer.phone ?? customer.phoneRaw;
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <dl className="facts">
        <Fact term="E-mail">{customer.email && <a href={`mailto:${customer.email}`}>{customer.email}</a>}</Fact>
        <Fact term="Phone">
          {phone && (
            <>
              {phone}
              {customer.phone && customer.phoneRaw && customer.phoneRaw !== customer.phone && (
                <span className="muted small"> (sent as {customer.phoneRaw})</span>
              )}
            </>
          )}
        </Fact>
        <Fact term="Name">{customer.name}</Fact>
        <Fact term="First name">{customer.firstName}</Fact>
        <Fact term="Language">{customer.locale}</Fact>
        <Fact term="Time zone">{customer.timezone}</Fact>
        <Fact term="Country">{customer.country}</Fact>
        <Fact term="Tags">
          {customer.tags.length > 0 ? (
            <ul className="tag-list" aria-label="Tags">
              {customer.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          ) : null}
        </Fact>
        <Fact term="Shop id">{customer.externalId && <code>{customer.externalId}</code>}</Fact>
        <Fact term="Customer since">
          <time dateTime={customer.createdAt}>{formatDateTime(customer.createdAt)}</time>
        </Fact>
      </dl>
    </section>
  );
}
