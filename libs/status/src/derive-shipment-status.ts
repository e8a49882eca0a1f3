import { type Status, statusOrder } from './status';
import type { Substatus } from './substatus';

/** One normalized tracking event of a shipment, as far as its status is concerned. */
export interface StatusEvent {
  /** `null`: an informational event (e.g. "customer delivery options changed") that never changes the status. */
  status: Status | null;
  substatus: Substatus | null;
  occurredAt: Date;
  /** Ingestion order; breaks ties between events that happened at the same instant. */
  sequence: number;
}

export type DerivedShipmentStatus<E extends StatusEvent = StatusEvent> =
  | { status: Status; substatus: Substatus | null; event: E }
  | { status: 'pending'; substatus: null; event: null };

/** Statuses that only say "the carrier has data"; carriers re-send them, even after the journey ended. */
const DATA_ONLY_STATUSES: ReadonlySet<Status> = new Set<Status>(['pending', 'info_received']);

type StatusChangingEvent<E extends StatusEvent> = E & { status: Status };

function changesStatus<E extends StatusEvent>(event: E): event is StatusChangingEvent<E> {
  return event.status !== null;
}

function compareChronologically(a: StatusChangingEvent<StatusEvent>, b: StatusChangingEvent<StatusEvent>): number {
  return (
    a.occurredAt.getTime() - b.occurredAt.getTime() ||
    statusOrder(a.status) - statusOrder(b.status) ||
    a.sequence - b.sequence
  );
}

/**
 * Decides a shipment's current status from ALL its events, whatever order they arrived in.
 *
 * Rule:
 * - Events without a status are ignored; with none left the shipment is `pending`.
 * - The status is that of the latest event by `occurredAt`. Ties on `occurredAt`: the status further
 *   along the lifecycle wins (a "delivered" and a "label created" stamped the same second mean delivered),
 *   then the higher `sequence` (the later ingested).
 * - `pending`/`info_received` are label/data noise once the parcel has moved: carriers re-send them
 *   (even after delivery), so they never override a later-stage status. `delivered` and `returned` are
 *   therefore terminal unless a later real scan (e.g. `in_transit` after a wrong "delivered") says otherwise.
 *
 * Pure and order-independent: the same set of events always gives the same answer, so it can be
 * recomputed on every ingest and on replays. The deciding event is returned as given (same reference).
 */
export function deriveShipmentStatus<E extends StatusEvent>(events: readonly E[]): DerivedShipmentStatus<E> {
  const chronological = events.filter(changesStatus).sort(compareChronologically);

  let deciding: StatusChangingEvent<E> | null = null;
  for (const event of chronological) {
    const isDataNoiseAfterMovement =
      deciding !== null && !DATA_ONLY_STATUSES.has(deciding.status) && DATA_ONLY_STATUSES.has(event.status);
    if (!isDataNoiseAfterMovement) deciding = event;
  }

  if (deciding === null) return { status: 'pending', substatus: null, event: null };
  return { status: deciding.status, substatus: deciding.substatus, event: deciding };
}
