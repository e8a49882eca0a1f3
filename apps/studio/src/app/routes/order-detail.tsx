import { Link, useParams } from 'react-router-dom';
import { Chip } from '../../components/chip';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { CustomerCard } from '../../features/customers/components/customer-card';
import { useOrder } from '../../features/orders/api/get-order';
import { LineItemsTable } from '../../features/orders/components/line-items-table';
import { OrderStatusChip } from '../../features/orders/components/order-status-chip';
import { OrderTotals } from '../../features/orders/components/order-totals';
import { ShippingAddress } from '../../features/orders/components/shipping-address';
import { LinkedShipmentsTable } from '../../features/shipments/components/linked-shipments-table';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { ApiError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format-time';

function BackLink() {
  return (
    <Link to="/orders" className="back-link">
      ← All orders
    </Link>
  );
}

export function OrderDetailRoute() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  useDocumentTitle(order.data ? `Order ${order.data.number}` : 'Order');

  if (order.error instanceof ApiError && order.error.status === 404) {
    return (
      <>
        <BackLink />
        <PageHeader title="Order not found" description="It may belong to another shop, or the link is wrong." />
      </>
    );
  }
  if (order.isError) {
    return (
      <>
        <BackLink />
        <ErrorAlert error={order.error} onRetry={() => void order.refetch()} />
      </>
    );
  }
  if (order.isPending) return <LoadingIndicator label="Loading order…" />;

  const detail = order.data;
  return (
    <>
      <BackLink />
      <PageHeader
        title={
          <>
            Order <span className="mono">{detail.number}</span>
          </>
        }
        description={
          <span className="detail-summary">
            <OrderStatusChip status={detail.status} />
            <span>
              Placed <time dateTime={detail.createdAt}>{formatDateTime(detail.createdAt)}</time>
            </span>
          </span>
        }
      />
      <div className="card-grid">
        <section className="card" aria-labelledby="totals-heading">
          <h2 id="totals-heading">Totals</h2>
          <OrderTotals order={detail} />
          {detail.discountCodes.length > 0 && (
            <p className="discount-codes">
              <span className="muted small">Discount codes</span>{' '}
              {detail.discountCodes.map((code) => (
                <Chip key={code} tone="violet">
                  {code}
                </Chip>
              ))}
            </p>
          )}
        </section>
        <CustomerCard customer={detail.customer} />
        <section className="card" aria-labelledby="address-heading">
          <h2 id="address-heading">Shipping address</h2>
          <ShippingAddress address={detail.shippingAddress} />
        </section>
      </div>
      <section className="section" aria-labelledby="items-heading">
        <h2 id="items-heading">Line items</h2>
        <LineItemsTable order={detail} />
      </section>
      <section className="section" aria-labelledby="shipments-heading">
        <h2 id="shipments-heading">Shipments</h2>
        <LinkedShipmentsTable shipments={detail.shipments} showOrder={false} />
      </section>
      <p className="muted small">
        Received <time dateTime={detail.receivedAt}>{formatDateTime(detail.receivedAt)}</time>
        {detail.externalId && (
          <>
            {' '}
            · Shop id <code>{detail.externalId}</code>
          </>
        )}
      </p>
    </>
  );
}
