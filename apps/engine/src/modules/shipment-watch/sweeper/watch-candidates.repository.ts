import { Injectable } from '@nestjs/common';
import { DEFAULT_STALL_AFTER_HOURS, listCarriers } from '@postino/carriers';
import type { Status } from '@postino/status';
import { EntityManager } from 'typeorm';

/** A shipment whose promised date passed (in the shop's zone) or whose last scan is older than its threshold. */
export interface WatchCandidate {
  shipmentId: string;
  merchantId: string;
  carrier: string;
  status: Status;
  /** The episode key: the missed date (`YYYY-MM-DD`) or the last scan (ISO 8601). */
  key: string;
  /** For a stall, the threshold that applied. */
  hours: number | null;
}

export type WatchKind = 'delayed' | 'stalled';

/** How a kind records that its current key has had its episode. */
export type SeenAssignment = 'delay_seen_for = promised_delivery_date' | 'stall_seen_for = last_event_at';

/**
 * Older episodes are not news (a parcel lost for months): they are left alone, which also keeps every scan
 * of the partial indexes to a bounded range, and an upgrade from before the sweeper does not flood the outbox.
 */
export const LOOKBACK_DAYS = 30;

const CARRIER_DEFAULTS = listCarriers().map((carrier) => ({ slug: carrier.slug, hours: carrier.stallAfterHours }));
const LOWEST_DEFAULT = Math.min(DEFAULT_STALL_AFTER_HOURS, ...CARRIER_DEFAULTS.map((d) => d.hours));

/**
 * The sweeper's SQL, across merchants (like the outbox claim): each claim reads one partial index of shipments
 * (migration 0011) — repeating its predicate so the planner can use it — in a bounded range, and locks what it
 * returns with SKIP LOCKED, so engines sweeping at once split the candidates instead of sharing them.
 */
@Injectable()
export class WatchCandidatesRepository {
  /** Not delivered or returned, and the shop's local date is past the promised one with no episode for it yet. */
  claimDelayed(manager: EntityManager, now: Date, limit: number): Promise<WatchCandidate[]> {
    const day = 24 * 3600_000;
    return manager.query(
      `SELECT s.id AS "shipmentId", s.merchant_id AS "merchantId", s.carrier, s.status,
              to_char(s.promised_delivery_date, 'YYYY-MM-DD') AS key, NULL::int AS hours
         FROM shipments s LEFT JOIN sending_policies p ON p.merchant_id = s.merchant_id
        WHERE s.promised_delivery_date IS NOT NULL AND s.status NOT IN ('delivered', 'returned')
          AND s.delay_seen_for IS DISTINCT FROM s.promised_delivery_date
          -- The index range: from the look-back to the date it is already the day after everywhere (UTC+14) …
          AND s.promised_delivery_date >= $2::date AND s.promised_delivery_date < $3::date
          -- … and, exactly, the day after the promised one in the shop's zone.
          AND s.promised_delivery_date < ($1::timestamptz AT TIME ZONE coalesce(p.timezone, 'UTC'))::date
        ORDER BY s.promised_delivery_date, s.id
        LIMIT $4
        FOR UPDATE OF s SKIP LOCKED`,
      [now, isoDate(new Date(now.getTime() - LOOKBACK_DAYS * day)), isoDate(new Date(now.getTime() + 14 * 3600_000)), limit],
    );
  }

  /**
   * On its way, and its last scan older than its threshold: the merchant's hours for the carrier, else its
   * general hours, else the carrier's default (as effectiveStallAfterHours in api-contract says).
   */
  claimStalled(manager: EntityManager, now: Date, limit: number): Promise<WatchCandidate[]> {
    return manager.query(
      `WITH carrier_defaults AS (SELECT * FROM unnest($2::text[], $3::int[]) AS d(carrier, hours))
       SELECT s.id AS "shipmentId", s.merchant_id AS "merchantId", s.carrier, s.status,
              to_char(s.last_event_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key, t.hours
         FROM shipments s
         LEFT JOIN shipment_watch_settings w ON w.merchant_id = s.merchant_id
         LEFT JOIN carrier_defaults d ON d.carrier = s.carrier
        CROSS JOIN LATERAL (
          SELECT coalesce((w.stall_after_hours_by_carrier ->> s.carrier)::int, w.stall_after_hours, d.hours, $4) AS hours) t
        WHERE s.last_event_at IS NOT NULL AND s.status IN ('in_transit', 'out_for_delivery', 'failed_attempt')
          AND s.stall_seen_for IS DISTINCT FROM s.last_event_at
          -- The index range: from the look-back to the lowest threshold any merchant or carrier has …
          AND s.last_event_at >= $1::timestamptz - make_interval(days => $6)
          AND s.last_event_at <= $1::timestamptz - make_interval(hours => (
                SELECT least($5::int, min(least(x.stall_after_hours,
                         (SELECT min(v::int) FROM jsonb_each_text(x.stall_after_hours_by_carrier) AS e(k, v)))))
                  FROM shipment_watch_settings x))
          -- … and, exactly, this shipment's own.
          AND s.last_event_at <= $1::timestamptz - make_interval(hours => t.hours)
        ORDER BY s.last_event_at, s.id
        LIMIT $7
        FOR UPDATE OF s SKIP LOCKED`,
      [
        now,
        CARRIER_DEFAULTS.map((d) => d.slug),
        CARRIER_DEFAULTS.map((d) => d.hours),
        DEFAULT_STALL_AFTER_HOURS,
        LOWEST_DEFAULT,
        LOOKBACK_DAYS,
        limit,
      ],
    );
  }

  /** The episodes not recorded before (the unique key decides): returns their shipments. */
  async recordEpisodes(manager: EntityManager, kind: WatchKind, candidates: WatchCandidate[], at: Date): Promise<Set<string>> {
    const rows: { shipmentId: string }[] = await manager.query(
      `INSERT INTO shipment_watch_episodes (shipment_id, kind, episode_key, merchant_id, detected_at)
       SELECT c.shipment_id, $1, c.key, c.merchant_id, $5 FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS c(shipment_id, key, merchant_id)
       ON CONFLICT DO NOTHING
       RETURNING shipment_id AS "shipmentId"`,
      [kind, candidates.map((c) => c.shipmentId), candidates.map((c) => c.key), candidates.map((c) => c.merchantId), at],
    );
    return new Set(rows.map((row) => row.shipmentId));
  }

  /**
   * Takes the shipments out of the watch index until their promised date or last scan changes: the key column
   * copied on the locked rows, so it equals what was read to the microsecond.
   */
  async markSeen(manager: EntityManager, assignment: SeenAssignment, candidates: WatchCandidate[]): Promise<void> {
    await manager.query(
      `UPDATE shipments SET ${assignment} WHERE id = ANY($1::uuid[]) AND merchant_id = ANY($2::uuid[])`,
      [candidates.map((c) => c.shipmentId), [...new Set(candidates.map((c) => c.merchantId))]],
    );
  }
}

function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
