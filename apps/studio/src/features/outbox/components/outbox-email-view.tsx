import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { useResource } from '../../../hooks/use-resource';
import { formatDateTime } from '../../../lib/format-time';
import { getOutboxEmail } from '../api/outbox-api';
import { formatRecipients } from '../utils/format-recipients';

/** One captured email: its headers, and its HTML in a sandbox that runs no scripts and reaches nothing. */
export function OutboxEmailView({ id }: { id: string }) {
  const email = useResource(`outbox:${id}`, (signal) => getOutboxEmail(id, signal));

  if (email.error) return <ErrorAlert error={email.error} onRetry={email.reload} />;
  if (!email.data) return <LoadingIndicator label="Loading email…" />;

  const { subject, from, to, receivedAt, messageId, html, text } = email.data;
  return (
    <article className="email-view" aria-labelledby="email-subject">
      <h2 id="email-subject">{subject || '(no subject)'}</h2>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>From</dt>
          <dd>{from}</dd>
        </div>
        <div className="facts__row">
          <dt>To</dt>
          <dd>{formatRecipients(to)}</dd>
        </div>
        <div className="facts__row">
          <dt>Received</dt>
          <dd>
            <time dateTime={receivedAt}>{formatDateTime(receivedAt)}</time>
          </dd>
        </div>
        {messageId && (
          <div className="facts__row">
            <dt>Message-ID</dt>
            <dd>
              <code>{messageId}</code>
            </dd>
          </div>
        )}
      </dl>
      {html ? (
        <iframe className="email-view__frame" title={`Email: ${subject}`} sandbox="" srcDoc={html} />
      ) : (
        <pre className="email-view__text">{text ?? 'This email has no body.'}</pre>
      )}
      {html && text && (
        <details className="email-view__alternative">
          <summary>Plain-text version</summary>
          <pre className="email-view__text">{text}</pre>
        </details>
      )}
    </article>
  );
}
