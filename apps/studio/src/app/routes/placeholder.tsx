import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../hooks/use-document-title';

interface PlaceholderRouteProps {
  title: string;
  /** One sentence on what the page will hold. */
  summary: string;
}

/** A section that is planned but not built yet; says so plainly. */
export function PlaceholderRoute({ title, summary }: PlaceholderRouteProps) {
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} />
      <section className="card placeholder" aria-label={`${title} (not available yet)`}>
        <p>{summary}</p>
        <p className="muted small">Not available yet.</p>
      </section>
    </>
  );
}
