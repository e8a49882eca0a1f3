import { useCallback, useEffect, useRef, useState } from 'react';
import { listShipments } from '../api/shipments-api';
import type { ShipmentFilters, ShipmentSummary } from '../types';
import { mergePages } from '../utils/merge-pages';
import { readShipmentFilters, writeShipmentFilters } from '../utils/shipment-filters';

interface ShipmentListState {
  filtersKey: string;
  items: ShipmentSummary[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error?: unknown;
  /** The cursor whose page failed, so "Try again" repeats the same request. */
  failedCursor?: string | null;
}

export interface ShipmentList {
  items: ShipmentSummary[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  retry: () => void;
}

/** The shipments matching the filters, first page on filter change, further pages on demand. */
export function useShipmentList(filters: ShipmentFilters): ShipmentList {
  // The filters travel as their URL form, so a new but equal filters object does not refetch.
  const filtersKey = writeShipmentFilters(filters).toString();
  const [state, setState] = useState<ShipmentListState>({
    filtersKey,
    items: [],
    nextCursor: null,
    loading: true,
    loadingMore: false,
  });
  const requestRef = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      requestRef.current?.abort();
      const controller = new AbortController();
      requestRef.current = controller;
      setState((previous) =>
        cursor
          ? { ...previous, loadingMore: true, error: undefined }
          : { filtersKey, items: [], nextCursor: null, loading: true, loadingMore: false },
      );
      listShipments(readShipmentFilters(new URLSearchParams(filtersKey)), cursor, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          setState((previous) => ({
            filtersKey,
            items: cursor ? mergePages(previous.items, page.items) : page.items,
            nextCursor: page.nextCursor,
            loading: false,
            loadingMore: false,
          }));
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState((previous) => ({ ...previous, loading: false, loadingMore: false, error, failedCursor: cursor }));
        },
      );
    },
    [filtersKey],
  );

  useEffect(() => {
    fetchPage(null);
    return () => requestRef.current?.abort();
  }, [fetchPage]);

  const current = state.filtersKey === filtersKey;
  const { nextCursor, loadingMore, failedCursor } = state;
  const loadMore = useCallback(() => {
    if (nextCursor && !loadingMore) fetchPage(nextCursor);
  }, [fetchPage, nextCursor, loadingMore]);
  const retry = useCallback(() => fetchPage(failedCursor ?? null), [fetchPage, failedCursor]);

  return {
    items: current ? state.items : [],
    nextCursor: current ? state.nextCursor : null,
    loading: !current || state.loading,
    loadingMore: current && state.loadingMore,
    error: current ? state.error : undefined,
    loadMore,
    retry,
  };
}
