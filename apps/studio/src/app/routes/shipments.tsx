import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageHeader } from '../../components/page-header';
import { useCarriers } from '../../features/shipments/api/carriers-api';
import { ShipmentFiltersForm } from '../../features/shipments/components/shipment-filters-form';
import { ShipmentsTable } from '../../features/shipments/components/shipments-table';
import { useShipmentList } from '../../features/shipments/hooks/use-shipment-list';
import type { ShipmentFilters } from '../../features/shipments/types';
import {
  hasActiveFilters,
  readShipmentFilters,
  writeShipmentFilters,
} from '../../features/shipments/utils/shipment-filters';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function ShipmentsRoute() {
  useDocumentTitle('Shipments');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readShipmentFilters(searchParams), [searchParams]);
  const carriers = useCarriers();
  const shipments = useShipmentList(filters);
  const filtered = hasActiveFilters(filters);

  const changeFilters = useCallback(
    (next: ShipmentFilters, typing: boolean) => setSearchParams(writeShipmentFilters(next), { replace: typing }),
    [setSearchParams],
  );

  function renderList() {
    if (shipments.loading) return <LoadingIndicator label="Loading shipments…" />;
    if (shipments.error && shipments.items.length === 0) {
      return <ErrorAlert error={shipments.error} onRetry={shipments.retry} />;
    }
    if (shipments.items.length === 0) {
      return filtered ? (
        <EmptyState
          title="No matching shipments"
          action={
            <button type="button" className="button" onClick={() => changeFilters({}, false)}>
              Clear filters
            </button>
          }
        >
          No shipment matches these filters.
        </EmptyState>
      ) : (
        <EmptyState title="No shipments yet">
          Shipments arrive through the Postino API from your shop or carrier integrations; create an API key in{' '}
          <Link to="/settings">Settings</Link> to connect one.
        </EmptyState>
      );
    }
    return (
      <>
        <ShipmentsTable shipments={shipments.items} />
        <div className="list-footer">
          <p className="muted small" role="status">
            Showing {shipments.items.length} {shipments.items.length === 1 ? 'shipment' : 'shipments'}
            {shipments.nextCursor ? '' : ' (all loaded)'}
          </p>
          {shipments.error ? <ErrorAlert error={shipments.error} onRetry={shipments.retry} /> : null}
          {shipments.nextCursor && !shipments.error && (
            <button
              type="button"
              className="button"
              onClick={shipments.loadMore}
              disabled={shipments.loadingMore}
              aria-busy={shipments.loadingMore}
            >
              {shipments.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          )}
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Shipments" description="Every shipment you track, with its latest carrier scan." />
      <ShipmentFiltersForm filters={filters} carriers={carriers.data ?? []} onChange={changeFilters} />
      {renderList()}
    </>
  );
}
