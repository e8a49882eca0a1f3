import { RelativeTime } from '../../../components/relative-time';
import { formatDateTime } from '../../../lib/format-time';
import { humanize } from '../../../lib/humanize';
import type { Message } from '../types';
import { MessageStateChip } from './message-state-chip';
import '../messages.css';

function messageTitle(message: Message): string {
  if (message.subject) return message.subject;
  return message.channel === 'email' ? '(no subject)' : `${humanize(message.channel)} message`;
}

export function MessageList({ messages }: { messages: Message[] }) {
  if (messages.length === 0) return <p className="muted">No messages for this shipment yet.</p>;

  return (
    <ul className="message-list" aria-label="Messages">
      {messages.map((message) => (
        <li key={message.id} className="message">
          <div className="message__head">
            <h3 className="message__subject">{messageTitle(message)}</h3>
            <MessageStateChip state={message.state} />
          </div>
          <p className="muted small">
            {humanize(message.channel)} to <span className="message__recipient">{message.recipient || 'no address'}</span> ·{' '}
            <RelativeTime value={message.createdAt} />
          </p>
          {message.skipReason && <p className="small">Skipped: {humanize(message.skipReason)}</p>}
          {message.messageId && (
            <p className="small muted">
              Message-ID <code>{message.messageId}</code>
            </p>
          )}
          {message.history.length > 0 && (
            <ol className="state-history" aria-label={`State history of ${messageTitle(message)}`}>
              {message.history.map((change, index) => (
                <li key={`${change.state}-${change.at}-${index}`}>
                  <MessageStateChip state={change.state} />
                  <time dateTime={change.at}>{formatDateTime(change.at)}</time>
                  {change.detail && <span className="muted">{change.detail}</span>}
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}
