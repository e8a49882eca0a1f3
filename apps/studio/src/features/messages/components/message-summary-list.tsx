import type { MessageSummary } from '@postino/api-contract';
import { Link } from 'react-router-dom';
import { RelativeTime } from '../../../components/relative-time';
import { humanize } from '../../../lib/humanize';
import { MessageStateChip } from './message-state-chip';
import '../messages.css';

/** The messages sent (or skipped) to one customer, newest first, each linked to its shipment. */
export function MessageSummaryList({ messages }: { messages: MessageSummary[] }) {
  if (messages.length === 0) return <p className="muted">No messages to this customer yet.</p>;

  return (
    <ul className="message-list" aria-label="Messages">
      {messages.map((message) => (
        <li key={message.id} className="message">
          <div className="message__head">
            <h3 className="message__subject">{message.subject ?? `${humanize(message.channel)} message`}</h3>
            <MessageStateChip state={message.state} />
          </div>
          <p className="muted small">
            {humanize(message.channel)} to <span className="message__recipient">{message.recipient || 'no address'}</span> ·{' '}
            <RelativeTime value={message.sentAt ?? message.createdAt} /> ·{' '}
            <Link to={`/shipments/${encodeURIComponent(message.shipmentId)}`}>Shipment</Link>
          </p>
          {message.skipReason && <p className="small">Skipped: {humanize(message.skipReason)}</p>}
        </li>
      ))}
    </ul>
  );
}
