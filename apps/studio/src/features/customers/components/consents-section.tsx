import type { CustomerDetail } from '@postino/api-contract';
import { ConsentChip } from './consent-chip';
import { ConsentHistory } from './consent-history';
import { ConsentsForm } from './consents-form';
import { UnsubscribeForm } from './unsubscribe-form';
import '../customers.css';

/** The customer's two consents, the forms that change them, and their history. */
export function ConsentsSection({ customer }: { customer: CustomerDetail }) {
  return (
    <section className="card" aria-labelledby="consents-heading">
      <h2 id="consents-heading">Consents</h2>
      {customer.erasedAt ? (
        <dl className="facts">
          <div className="facts__row">
            <dt>Shipment updates</dt>
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
        <>
          <ConsentsForm customerId={customer.id} consents={customer.consents} />
          <hr className="divider" />
          <UnsubscribeForm customerId={customer.id} />
        </>
      )}
      <details className="consent-history-details">
        <summary>Consent history</summary>
        <ConsentHistory customer={customer} />
      </details>
    </section>
  );
}
