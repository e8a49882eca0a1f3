import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { formatPlace } from '../../../lib/format-place';
import type { TrackingEvent } from '../types';
import { StatusChip } from './status-chip';

/** Carrier scans, newest first, with the raw carrier code beside the normalized status. */
export function EventTimeline({ events }: { events: TrackingEvent[] }) {
  if (events.length === 0) return <p className="muted">No tracking events yet.</p>;

  return (
    <ol className="timeline" aria-label="Tracking events">
      {events.map((event) => {
        const place = formatPlace(event.location);
        return (
          <li key={event.id} className="timeline__item">
            <div className="timeline__head">
              <StatusChip status={event.status} substatus={event.substatus} />
              <time dateTime={event.occurredAt} title={formatRelativeTime(event.occurredAt)}>
                {formatDateTime(event.occurredAt)}
              </time>
            </div>
            <p className="timeline__description">
              {event.code && <code className="timeline__code">{event.code}</code>} {event.description}
            </p>
            {place && <p className="muted small">{place}</p>}
          </li>
        );
      })}
    </ol>
  );
}
