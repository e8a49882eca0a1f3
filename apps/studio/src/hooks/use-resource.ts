import { useCallback, useEffect, useRef, useState } from 'react';

export interface ResourceOptions {
  /** Re-fetch this often while the page is visible, keeping the shown data until the new data arrives. */
  pollIntervalMs?: number;
}

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

interface ResourceState<T> {
  key: string | null;
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * Loads data for a key (typically the URL it comes from) and re-loads when the key changes.
 * A `null` key loads nothing. Responses for a key that is no longer current are dropped.
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: ResourceOptions = {},
): Resource<T> {
  const { pollIntervalMs } = options;
  const loadRef = useRef(load);
  const [state, setState] = useState<ResourceState<T>>({ key, loading: key !== null });
  const [reloadCount, setReloadCount] = useState(0);

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const schedule = () => {
      if (pollIntervalMs) timer = setTimeout(() => void fetchOnce(true), pollIntervalMs);
    };

    const fetchOnce = async (background: boolean) => {
      if (background && document.hidden) return schedule();
      if (!background) {
        setState((previous) => ({
          key,
          data: previous.key === key ? previous.data : undefined,
          error: undefined,
          loading: true,
        }));
      }
      try {
        const data = await loadRef.current(controller.signal);
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      } catch (error) {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, key, error, loading: false }));
      }
      if (!controller.signal.aborted) schedule();
    };

    void fetchOnce(false);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, pollIntervalMs, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || state.loading),
    reload,
  };
}
