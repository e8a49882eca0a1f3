import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { useEmailTemplatePreview } from '../api/email-templates-api';
import type { EmailTemplateSummary } from '../types';

/**
 * The template's draft rendered with sample data, its HTML in a sandbox that runs no scripts and reaches nothing.
 * A draft that does not compile shows the engine's explanation instead.
 */
export function TemplatePreview({ template }: { template: EmailTemplateSummary }) {
  const preview = useEmailTemplatePreview(template.id);

  function renderBody() {
    if (preview.error) return <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />;
    if (!preview.data) return <LoadingIndicator label="Rendering preview…" />;
    const { subject, html, text } = preview.data;
    return (
      <>
        <dl className="facts facts--compact">
          <div className="facts__row">
            <dt>Subject</dt>
            <dd>{subject || '(no subject)'}</dd>
          </div>
        </dl>
        <iframe className="email-view__frame" title={`Preview of ${template.name}`} sandbox="" srcDoc={html} />
        {text && (
          <details className="email-view__alternative">
            <summary>Plain-text version</summary>
            <pre className="email-view__text">{text}</pre>
          </details>
        )}
      </>
    );
  }

  return (
    <section className="card email-view" aria-labelledby="template-preview-heading">
      <h2 id="template-preview-heading">Preview: {template.name}</h2>
      <p className="muted small">The saved draft, filled with a sample shipment and your shop&apos;s name.</p>
      {renderBody()}
    </section>
  );
}
