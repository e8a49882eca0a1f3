import type { Status } from '@postino/status';

/** The journey as the progress bar shows it; the other statuses are placed on it. */
const STAGES = ['info_received', 'in_transit', 'out_for_delivery', 'delivered'] as const satisfies readonly Status[];

const STAGE_OF: Partial<Record<Status, number>> = {
  info_received: 0,
  in_transit: 1,
  out_for_delivery: 2,
  available_for_pickup: 2,
  failed_attempt: 2,
  delivered: 3,
};

/** Statuses off the happy path: the bar keeps the furthest stage reached and turns to a warning colour. */
const OFF_TRACK: ReadonlySet<Status> = new Set<Status>(['exception', 'returned']);

export interface ProgressStep {
  /** What to label the step with: the stage, or the current status when it sits on that stage. */
  status: Status;
  state: 'done' | 'current' | 'upcoming';
}

export interface TrackingProgress {
  steps: ProgressStep[];
  /** True when something needs the customer's attention (a failed attempt, an exception, a return). */
  attention: boolean;
}

/**
 * Where the shipment is on the bar. `history` holds the statuses of its events, so an exception or return
 * still shows how far the parcel got.
 */
export function trackingProgress(current: Status, history: readonly (Status | null)[]): TrackingProgress {
  const offTrack = OFF_TRACK.has(current);
  const reached = offTrack
    ? Math.max(-1, ...history.map((status) => (status === null ? -1 : (STAGE_OF[status] ?? -1))))
    : (STAGE_OF[current] ?? -1);
  return {
    attention: offTrack || current === 'failed_attempt',
    steps: STAGES.map((stage, index) => ({
      status: index === reached && !offTrack ? current : stage,
      state: index < reached ? 'done' : index === reached ? 'current' : 'upcoming',
    })),
  };
}
