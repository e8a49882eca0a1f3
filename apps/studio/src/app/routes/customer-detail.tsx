import { CUSTOMER_DETAIL_LIMIT } from '@postino/api-contract';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { useCustomer } from '../../features/customers/api/get-customer';
import { ConsentsSection } from '../../features/customers/components/consents-section';
import { CustomerProfile } from '../../features/customers/components/customer-profile';
import { PrivacyActions } from '../../features/customers/components/privacy-actions';
import { customerName } from '../../features/customers/utils/customer-name';
import { MessageSummaryList } from '../../features/messages/components/message-summary-list';
import { OrdersTable } from '../../features/orders/components/orders-table';
import { LinkedShipmentsTable } from '../../features/shipments/components/linked-shipments-table';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { ApiError } from '../../lib/api-error';
import { countNoun } from '../../lib/count-noun';
import { formatDateTime } from '../../lib/format-time';

function BackLink() {
  return (
    <Link to="/customers" className="back-link">
      ← All customers
    </Link>
  );
}

export function CustomerDetailRoute() {
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  useDocumentTitle(customer.data ? customerName(customer.data) : 'Customer');

  if (customer.error instanceof ApiError && customer.error.status === 404) {
    return (
      <>
        <BackLink />
        <PageHeader title="Customer not found" description="It may belong to another shop, or the link is wrong." />
      </>
    );
  }
  if (customer.isError) {
    return (
      <>
        <BackLink />
        <ErrorAlert error={customer.error} onRetry={() => void customer.refetch()} />
      </>
    );
  }
  if (customer.isPending) return <LoadingIndicator label="Loading customer…" />;

  const detail = customer.data;
  const name = customerName(detail);
  return (
    <>
      <BackLink />
      <PageHeader
        title={name}
        description={detail.email && detail.email !== name ? detail.email : undefined}
        actions={<PrivacyActions customer={detail} />}
      />
      {detail.erasedAt && (
        <p className="notice notice--neutral" role="status">
          This customer’s personal data was erased on <time dateTime={detail.erasedAt}>{formatDateTime(detail.erasedAt)}</time>
          . Their orders and shipments stay, anonymized, so counts and totals hold.
        </p>
      )}
      <div className="card-grid card-grid--wide">
        <CustomerProfile customer={detail} />
        <ConsentsSection customer={detail} />
      </div>
      <section className="section" aria-labelledby="orders-heading">
        <div className="section__head">
          <h2 id="orders-heading">Orders</h2>
          <span className="muted small">{countNoun(detail.orders.length, 'order', 'orders', CUSTOMER_DETAIL_LIMIT)}</span>
          {detail.orders.length >= CUSTOMER_DETAIL_LIMIT && (
            <Link to={`/orders?customer=${encodeURIComponent(detail.id)}`} className="small">
              See all
            </Link>
          )}
        </div>
        {detail.orders.length > 0 ? (
          <OrdersTable orders={detail.orders} caption={`Orders of ${name}`} showShipTo={false} />
        ) : (
          <p className="muted">No orders yet.</p>
        )}
      </section>
      <section className="section" aria-labelledby="shipments-heading">
        <div className="section__head">
          <h2 id="shipments-heading">Shipments</h2>
          <span className="muted small">
            {countNoun(detail.shipments.length, 'shipment', 'shipments', CUSTOMER_DETAIL_LIMIT)}
          </span>
        </div>
        <LinkedShipmentsTable shipments={detail.shipments} />
      </section>
      <section className="section card" aria-labelledby="messages-heading">
        <h2 id="messages-heading">Messages</h2>
        <MessageSummaryList messages={detail.messages} />
      </section>
    </>
  );
}
