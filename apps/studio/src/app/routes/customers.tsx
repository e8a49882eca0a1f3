import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { ListFooter } from '../../components/list-footer';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { useCustomers } from '../../features/customers/api/get-customers';
import { CustomerSearchForm } from '../../features/customers/components/customer-search-form';
import { CustomersTable } from '../../features/customers/components/customers-table';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { flattenPages } from '../../lib/flatten-pages';

export function CustomersRoute() {
  useDocumentTitle('Customers');
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q')?.trim() ?? '';
  const customers = useCustomers(q);
  const items = flattenPages(customers.data?.pages ?? []);

  const search = useCallback(
    (next: string, typing: boolean) => setSearchParams(next.trim() ? { q: next.trim() } : {}, { replace: typing }),
    [setSearchParams],
  );

  function renderList() {
    if (customers.isPending) return <LoadingIndicator label="Loading customers…" />;
    if (customers.isError && items.length === 0) {
      return <ErrorAlert error={customers.error} onRetry={() => void customers.refetch()} />;
    }
    if (items.length === 0) {
      return q ? (
        <EmptyState
          title="No matching customers"
          action={
            <button type="button" className="button" onClick={() => search('', false)}>
              Clear search
            </button>
          }
        >
          No customer’s e-mail, name or phone number contains “{q}”.
        </EmptyState>
      ) : (
        <EmptyState title="No customers yet">
          Customers arrive with your shop’s orders and shipments: through the API, a shop integration in Settings, or a
          CSV import.
        </EmptyState>
      );
    }
    return (
      <>
        <CustomersTable customers={items} />
        <ListFooter
          shown={items.length}
          singular="customer"
          plural="customers"
          hasMore={customers.hasNextPage}
          loadingMore={customers.isFetchingNextPage}
          error={customers.isFetchNextPageError ? customers.error : undefined}
          onLoadMore={() => void customers.fetchNextPage()}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title="Customers" description="Everyone who ordered from your shop, with their two consents." />
      <CustomerSearchForm q={q} onSearch={search} />
      {renderList()}
    </>
  );
}
