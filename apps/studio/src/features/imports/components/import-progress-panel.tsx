import type { ImportView } from '@postino/api-contract';
import { countNoun } from '../../../lib/count-noun';
import { formatBytes } from '../../../lib/format-bytes';
import { importProgress } from '../utils/import-progress';
import { importKindLabels } from '../utils/import-kinds';
import { ImportErrors } from './import-errors';
import { ImportStateChip } from './import-state-chip';
import '../imports.css';

interface ImportProgressPanelProps {
  /** Unknown while the upload has started but the engine has not yet named its import. */
  view: ImportView | undefined;
  fileName: string;
  fileSize: number;
}

/** A real progress bar (bytes read of the file), the rows done and failed, and at the end the refused rows. */
export function ImportProgressPanel({ view, fileName, fileSize }: ImportProgressPanelProps) {
  const progress = view ? importProgress(view, fileSize) : null;
  const itemNoun = view?.kind === 'products' ? (['product', 'products'] as const) : (['order', 'orders'] as const);

  return (
    <section className="card import-progress" aria-labelledby="progress-heading">
      <div className="import-progress__head">
        <h2 id="progress-heading">
          <span className="mono">{fileName}</span>
        </h2>
        {view ? <ImportStateChip state={view.state} withErrors={view.rowsFailed > 0} /> : null}
      </div>
      <progress
        className="import-progress__bar"
        aria-label="Import progress"
        max={1}
        {...(progress?.fraction != null ? { value: progress.fraction } : {})}
      />
      <p className="import-progress__counts" role="status" aria-live="polite">
        {view && progress ? (
          <>
            <span>
              {formatBytes(progress.bytesRead)}
              {progress.bytesTotal !== null && <> of {formatBytes(progress.bytesTotal)}</>} read
            </span>
            <span>{countNoun(view.rowsDone, 'row', 'rows')} imported</span>
            <span className={view.rowsFailed > 0 ? 'import-progress__failed' : undefined}>
              {countNoun(view.rowsFailed, 'row', 'rows')} failed
            </span>
          </>
        ) : (
          <span>Uploading {formatBytes(fileSize)}…</span>
        )}
      </p>
      {view && view.state === 'done' && (
        <p className="small">
          {importKindLabels[view.kind]}: {countNoun(view.items.created, itemNoun[0], itemNoun[1])} created,{' '}
          {view.items.updated} updated, {view.items.unchanged} unchanged.
        </p>
      )}
      {view?.error && (
        <p className="alert alert--error" role="alert">
          {view.error}
        </p>
      )}
      {view && view.ignoredColumns.length > 0 && (
        <p className="small notice__warning">
          Columns this kind does not know were ignored (a typo?): {view.ignoredColumns.join(', ')}.
        </p>
      )}
      {view && view.state !== 'running' && view.errorCount > 0 && <ImportErrors view={view} />}
    </section>
  );
}
