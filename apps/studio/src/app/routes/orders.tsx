import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { ListFooter } from '../../components/list-footer';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { useOrders } from '../../features/orders/api/get-orders';
import { OrderFiltersForm } from '../../features/orders/components/order-filters-form';
import { OrdersTable } from '../../features/orders/components/orders-table';
import type { OrderFilters } from '../../features/orders/types';
import { hasActiveFilters, readOrderFilters, writeOrderFilters } from '../../features/orders/utils/order-filters';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { flattenPages } from '../../lib/flatten-pages';

export function OrdersRoute() {
  useDocumentTitle('Orders');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readOrderFilters(searchParams), [searchParams]);
  const orders = useOrders(filters);
  const items = flattenPages(orders.data?.pages ?? []);

  const changeFilters = useCallback(
    (next: OrderFilters, typing: boolean) => setSearchParams(writeOrderFilters(next), { replace: typing }),
    [setSearchParams],
  );

  function renderList() {
    if (orders.isPending) return <LoadingIndicator label="Loading orders…" />;
    if (orders.isError && items.length === 0) {
      return <ErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />;
    }
    if (items.length === 0) {
      return hasActiveFilters(filters) ? (
        <EmptyState
          title="No matching orders"
          action={
            <button type="button" className="button" onClick={() => changeFilters({}, false)}>
              Clear filters
            </button>
          }
        >
          No order matches these filters.
        </EmptyState>
      ) : (
        <EmptyState title="No orders yet">
          Orders arrive from your shop through a shop integration in <Link to="/settings">Settings</Link>, the API, or a{' '}
          <Link to="/import">CSV import</Link>.
        </EmptyState>
      );
    }
    return (
      <>
        <OrdersTable orders={items} />
        <ListFooter
          shown={items.length}
          singular="order"
          plural="orders"
          hasMore={orders.hasNextPage}
          loadingMore={orders.isFetchingNextPage}
          error={orders.isFetchNextPageError ? orders.error : undefined}
          onLoadMore={() => void orders.fetchNextPage()}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title="Orders" description="Your shop’s orders, newest first, with their totals and shipments." />
      {filters.customerId && (
        <p className="small">
          Orders of one customer.{' '}
          <Link to={`/customers/${encodeURIComponent(filters.customerId)}`}>Open the customer</Link> ·{' '}
          <button type="button" className="button button--ghost button--small" onClick={() => changeFilters({ ...filters, customerId: undefined }, false)}>
            Show all customers
          </button>
        </p>
      )}
      <OrderFiltersForm filters={filters} onChange={changeFilters} />
      {renderList()}
    </>
  );
}
