import { formatDateTime } from '../../../lib/format-time';
import type { OutboxEmail } from '../types';
import { formatRecipients } from '../utils/format-recipients';

/** One captured email: its headers, and its HTML in a sandbox that runs no scripts and reaches nothing. */
export function OutboxEmailView({ item }: { item: OutboxEmail }) {
  const { subject, from, to, receivedAt, messageId, html, text } = item;
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
