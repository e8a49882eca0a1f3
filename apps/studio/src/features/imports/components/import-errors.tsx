import type { ImportView } from '@postino/api-contract';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { countNoun } from '../../../lib/count-noun';
import { useImportErrors } from '../api/get-import-errors';

/** How many refused rows the page lists; the downloadable report has them all. */
const SHOWN_ERRORS = 200;

/** The refused rows of a finished import, and its report as a CSV download. */
export function ImportErrors({ view }: { view: ImportView }) {
  const errors = useImportErrors(view);

  return (
    <div className="import-errors">
      <div className="section__head">
        <h3>Rows with errors</h3>
        <span className="muted small">{countNoun(view.errorCount, 'error', 'errors')}</span>
        <a className="small" href={view.errorsUrl} download>
          Download the error report (CSV)
        </a>
      </div>
      {errors.isPending ? (
        <LoadingIndicator label="Loading the error report…" />
      ) : errors.isError ? (
        <ErrorAlert error={errors.error} onRetry={() => void errors.refetch()} />
      ) : (
        <>
          <div className="table-wrapper import-errors__table">
            <table className="table">
              <caption className="visually-hidden">Rows with errors</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    Row
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {errors.data.slice(0, SHOWN_ERRORS).map((error, index) => (
                  <tr key={`${error.row}-${error.column}-${index}`}>
                    <td className="numeric">{error.row}</td>
                    <td>{error.column ? <code>{error.column}</code> : <span className="muted">—</span>}</td>
                    <td>{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {errors.data.length > SHOWN_ERRORS && (
            <p className="muted small">
              The first {SHOWN_ERRORS} are shown; the report has all {errors.data.length}.
            </p>
          )}
        </>
      )}
    </div>
  );
}
