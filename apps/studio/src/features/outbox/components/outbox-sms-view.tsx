import { formatDateTime } from '../../../lib/format-time';
import type { OutboxSms } from '../types';
import { describeSegments } from '../utils/describe-segments';
import '../outbox.css';

/** One captured SMS: who it went to and from, what it cost, and its text as the phone shows it. */
export function OutboxSmsView({ item }: { item: OutboxSms }) {
  const { from, to, receivedAt, messageId, text } = item;
  return (
    <article className="sms-view" aria-labelledby="sms-title">
      <h2 id="sms-title">SMS to {to}</h2>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>From</dt>
          <dd>{from ?? 'The provider’s default sender'}</dd>
        </div>
        <div className="facts__row">
          <dt>Received</dt>
          <dd>
            <time dateTime={receivedAt}>{formatDateTime(receivedAt)}</time>
          </dd>
        </div>
        <div className="facts__row">
          <dt>Segments</dt>
          <dd>{describeSegments(item)}</dd>
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
      <p className="sms-view__bubble" aria-label="Text">
        {text}
      </p>
    </article>
  );
}
