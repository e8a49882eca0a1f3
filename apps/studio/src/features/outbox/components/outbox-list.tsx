import { Link } from 'react-router-dom';
import { RelativeTime } from '../../../components/relative-time';
import type { OutboxItemSummary } from '../types';
import { formatRecipients } from '../utils/format-recipients';
import { OutboxChannelChip, outboxItemTitle } from './outbox-channels';
import '../outbox.css';

/** The path of one capture, keeping the list's query (its channel tab). */
export function outboxItemPath(id: string, search = ''): string {
  return `/outbox/${encodeURIComponent(id)}${search}`;
}

interface OutboxListProps {
  items: OutboxItemSummary[];
  selectedId?: string;
  /** The list's query string, kept in the items' links. */
  search?: string;
}

export function OutboxList({ items, selectedId, search }: OutboxListProps) {
  return (
    <ul className="outbox-list" aria-label="Captured messages">
      {items.map((item) => (
        <li key={item.id}>
          <Link
            to={outboxItemPath(item.id, search)}
            className="outbox-list__item"
            aria-current={item.id === selectedId ? 'true' : undefined}
          >
            <span className="outbox-list__channel">
              <OutboxChannelChip item={item} />
            </span>
            <span className="outbox-list__subject">{outboxItemTitle(item)}</span>
            <span className="outbox-list__meta">
              <span className="outbox-list__to">{formatRecipients(item.to)}</span>
              <RelativeTime value={item.receivedAt} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
