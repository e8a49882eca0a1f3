import { formatDateTime } from '../../../lib/format-time';
import type { OutboxWebhook } from '../types';
import { describeSignature } from '../utils/describe-signature';
import '../outbox.css';

/** The body as sent, indented when it is JSON (it always is from Postino). */
function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One captured webhook delivery: where it went, its delivery id and signature, what it was answered, its body. */
export function OutboxWebhookView({ item }: { item: OutboxWebhook }) {
  const { to, receivedAt, messageId, signature, signatureValid, answered, body } = item;
  return (
    <article className="webhook-view" aria-labelledby="webhook-title">
      <h2 id="webhook-title">POST {to}</h2>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>Received</dt>
          <dd>
            <time dateTime={receivedAt}>{formatDateTime(receivedAt)}</time>
          </dd>
        </div>
        {messageId && (
          <div className="facts__row">
            <dt>Delivery id</dt>
            <dd>
              <code>{messageId}</code>
            </dd>
          </div>
        )}
        <div className="facts__row">
          <dt>Signature</dt>
          <dd>
            {describeSignature(signatureValid)}
            {signature && (
              <>
                <br />
                <code className="webhook-view__signature">{signature}</code>
              </>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Answered</dt>
          <dd>{answered}</dd>
        </div>
      </dl>
      <pre className="email-view__text" aria-label="Body">
        {prettyBody(body)}
      </pre>
    </article>
  );
}
