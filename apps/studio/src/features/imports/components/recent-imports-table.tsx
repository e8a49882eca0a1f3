import type { ImportView } from '@postino/api-contract';
import { RelativeTime } from '../../../components/relative-time';
import { UI_LOCALE } from '../../../lib/ui-locale';
import { importKindLabels } from '../utils/import-kinds';
import { ImportStateChip } from './import-state-chip';

const formatCount = (count: number) => new Intl.NumberFormat(UI_LOCALE).format(count);

export function RecentImportsTable({ imports }: { imports: ImportView[] }) {
  if (imports.length === 0) return <p className="muted">No imports yet.</p>;
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="visually-hidden">Recent imports</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            <th scope="col" className="numeric">
              Rows imported
            </th>
            <th scope="col" className="numeric">
              Rows failed
            </th>
            <th scope="col">Started</th>
            <th scope="col">
              <span className="visually-hidden">Error report</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {imports.map((view) => (
            <tr key={view.id}>
              <td className="mono">{view.fileName ?? <span className="muted">unnamed</span>}</td>
              <td>{importKindLabels[view.kind]}</td>
              <td>
                <ImportStateChip state={view.state} withErrors={view.rowsFailed > 0} />
              </td>
              <td className="numeric">{formatCount(view.rowsDone)}</td>
              <td className="numeric">{formatCount(view.rowsFailed)}</td>
              <td>
                <RelativeTime value={view.startedAt} />
              </td>
              <td className="table__actions">
                {view.errorCount > 0 && (
                  <a className="small" href={view.errorsUrl} download>
                    Error report<span className="visually-hidden"> of {view.fileName ?? 'this import'}</span>
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
