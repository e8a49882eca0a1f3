import { STATUSES, statusLabel, type Status } from '@postino/status';
import { useEffect, useId, useState } from 'react';
import { UI_LOCALE } from '../../../lib/ui-locale';
import type { Carrier, ShipmentFilters } from '../types';
import { hasActiveFilters } from '../utils/shipment-filters';

const SEARCH_DELAY_MS = 300;

interface ShipmentFiltersFormProps {
  filters: ShipmentFilters;
  carriers: Carrier[];
  /** `typing` is true for search keystrokes, which should not each add a browser history entry. */
  onChange: (filters: ShipmentFilters, typing: boolean) => void;
}

export function ShipmentFiltersForm({ filters, carriers, onChange }: ShipmentFiltersFormProps) {
  const id = useId();
  const [search, setSearch] = useState(filters.q ?? '');

  // Follow the URL when it changes from outside (back button, "Clear filters").
  useEffect(() => {
    const fromUrl = filters.q ?? '';
    setSearch((typed) => (typed.trim() === fromUrl ? typed : fromUrl));
  }, [filters.q]);

  useEffect(() => {
    if (search.trim() === (filters.q ?? '')) return;
    const timer = setTimeout(() => onChange({ ...filters, q: search }, true), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  const carrierOptions =
    filters.carrier && !carriers.some((carrier) => carrier.slug === filters.carrier)
      ? [...carriers, { slug: filters.carrier, name: filters.carrier }]
      : carriers;

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter shipments"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filters, q: search }, false);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ''}
          onChange={(event) => onChange({ ...filters, status: (event.target.value || undefined) as Status | undefined }, false)}
        >
          <option value="">All statuses</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status, UI_LOCALE)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-carrier`}>Carrier</label>
        <select
          id={`${id}-carrier`}
          value={filters.carrier ?? ''}
          onChange={(event) => onChange({ ...filters, carrier: event.target.value || undefined }, false)}
        >
          <option value="">All carriers</option>
          {carrierOptions.map((carrier) => (
            <option key={carrier.slug} value={carrier.slug}>
              {carrier.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--grow">
        <label htmlFor={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Order, tracking number or customer"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {hasActiveFilters(filters) && (
        <button
          type="button"
          className="button button--ghost filters__clear"
          onClick={() => {
            setSearch('');
            onChange({}, false);
          }}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
