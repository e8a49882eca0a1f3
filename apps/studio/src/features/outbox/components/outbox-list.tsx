import { Link } from 'react-router-dom';
import { RelativeTime } from '../../../components/relative-time';
import type { OutboxEmailSummary } from '../types';
import { formatRecipients } from '../utils/format-recipients';

export function outboxEmailPath(id: string): string {
  return `/outbox/${encodeURIComponent(id)}`;
}

interface OutboxListProps {
  emails: OutboxEmailSummary[];
  selectedId?: string;
}

export function OutboxList({ emails, selectedId }: OutboxListProps) {
  return (
    <ul className="outbox-list" aria-label="Captured emails">
      {emails.map((email) => (
        <li key={email.id}>
          <Link
            to={outboxEmailPath(email.id)}
            className="outbox-list__item"
            aria-current={email.id === selectedId ? 'true' : undefined}
          >
            <span className="outbox-list__subject">{email.subject || '(no subject)'}</span>
            <span className="outbox-list__meta">
              <span className="outbox-list__to">{formatRecipients(email.to)}</span>
              <RelativeTime value={email.receivedAt} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
