import { countNoun } from '../lib/count-noun';
import { ErrorAlert } from './error-alert';

interface ListFooterProps {
  shown: number;
  singular: string;
  plural: string;
  hasMore: boolean;
  loadingMore: boolean;
  /** A failed next page; the pages shown stay. */
  error: unknown;
  onLoadMore: () => void;
}

/** Below a paged list: how many are shown, and "Load more" (or the error of the page that failed). */
export function ListFooter({ shown, singular, plural, hasMore, loadingMore, error, onLoadMore }: ListFooterProps) {
  return (
    <div className="list-footer">
      <p className="muted small" role="status">
        Showing {countNoun(shown, singular, plural)}
        {hasMore ? '' : ' (all loaded)'}
      </p>
      {error ? <ErrorAlert error={error} onRetry={onLoadMore} /> : null}
      {hasMore && !error && (
        <button type="button" className="button" onClick={onLoadMore} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
