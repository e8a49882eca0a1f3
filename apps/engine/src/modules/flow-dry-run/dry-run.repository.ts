import { Injectable } from '@nestjs/common';
import type { VersionPin } from '@postino/api-contract';
import type { FlowDocument, FlowEvent } from '@postino/flow-model';
import type { EntityManager } from 'typeorm';
import { isFlowEvent, type DomainEvent } from '../domain-events/domain-event-types';
import { SHIPMENT_COLUMNS, ShipmentRow, TRACKING_EVENT_COLUMNS, TrackingEventRow } from '../tracking/shipment';

/** One event of a shipment's history that flows can react to, with when the engine recorded it. */
export interface HistoryEvent {
  id: string;
  event: FlowEvent;
  at: Date;
}

/** What a dry-run runs: the draft (no stored version, no pins yet) or a published version with its pins. */
export type FlowSource =
  | { kind: 'draft'; flowId: string; definition: unknown }
  | { kind: 'version'; flowId: string; versionId: string; definition: FlowDocument; pins: VersionPin[] };

/**
 * Everything a dry-run reads, each a single statement over a whole chunk, always within the merchant, and all
 * in the caller's read-only transaction.
 */
@Injectable()
export class DryRunRepository {
  /** The flow's draft, or its published version `version`; null when the flow (or that version) is not this merchant's. */
  async flowSource(manager: EntityManager, merchantId: string, flowId: string, version: 'draft' | number): Promise<FlowSource | null> {
    if (version === 'draft') {
      const rows: { draft: unknown }[] = await manager.query(`SELECT draft FROM flows WHERE merchant_id = $1 AND id = $2`, [merchantId, flowId]);
      return rows[0] ? { kind: 'draft', flowId, definition: rows[0].draft } : null;
    }
    const rows: { id: string; definition: FlowDocument; pins: VersionPin[] }[] = await manager.query(
      `SELECT id, definition, pinned_versions AS pins FROM flow_versions WHERE merchant_id = $1 AND flow_id = $2 AND version = $3`,
      [merchantId, flowId, version],
    );
    return rows[0] ? { kind: 'version', flowId, versionId: rows[0].id, definition: rows[0].definition, pins: rows[0].pins ?? [] } : null;
  }

  async flowExists(manager: EntityManager, merchantId: string, flowId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM flows WHERE merchant_id = $1 AND id = $2`, [merchantId, flowId]);
    return rows.length > 0;
  }

  /** The shop's name (the sender of its messages) and its publication revision (what caches are keyed by). */
  async merchant(manager: EntityManager, merchantId: string): Promise<{ name: string; publicationRevision: string }> {
    const rows = await manager.query(
      `SELECT name, publication_revision::text AS "publicationRevision" FROM merchants WHERE id = $1`,
      [merchantId],
    );
    return rows[0];
  }

  async shipments(manager: EntityManager, merchantId: string, ids: readonly string[]): Promise<ShipmentRow[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${SHIPMENT_COLUMNS} FROM shipments s WHERE s.merchant_id = $1 AND s.id = ANY($2::uuid[])`, [merchantId, ids]);
  }

  /** Each shipment's events flows react to, oldest first, by shipment id. */
  async histories(manager: EntityManager, merchantId: string, shipmentIds: readonly string[]): Promise<Map<string, HistoryEvent[]>> {
    const histories = new Map<string, HistoryEvent[]>(shipmentIds.map((id) => [id, []]));
    if (shipmentIds.length === 0) return histories;
    const rows: (DomainEvent & { id: string; at: Date; shipmentId: string })[] = await manager.query(
      `SELECT id, type, payload, created_at AS at, payload->>'shipmentId' AS "shipmentId"
         FROM domain_events
        WHERE merchant_id = $1 AND payload->>'shipmentId' = ANY($2::text[])
        ORDER BY created_at, id`,
      [merchantId, shipmentIds],
    );
    for (const { id, at, shipmentId, ...event } of rows) {
      if (isFlowEvent(event)) histories.get(shipmentId)?.push({ id, at, event });
    }
    return histories;
  }

  /** The shipments with an event of one of `types` recorded in [from, to). */
  async shipmentsWithEventsIn(manager: EntityManager, merchantId: string, types: readonly string[], from: Date, to: Date): Promise<string[]> {
    const rows: { shipmentId: string }[] = await manager.query(
      `SELECT DISTINCT payload->>'shipmentId' AS "shipmentId"
         FROM domain_events
        WHERE merchant_id = $1 AND created_at >= $2 AND created_at < $3 AND type = ANY($4::text[])
        ORDER BY 1`,
      [merchantId, from, to, types],
    );
    return rows.map((row) => row.shipmentId);
  }

  /** The latest carrier event of each shipment (what a message's `last_event` shows), by shipment id. */
  async latestEvents(manager: EntityManager, merchantId: string, shipmentIds: readonly string[]): Promise<Map<string, TrackingEventRow>> {
    if (shipmentIds.length === 0) return new Map();
    const rows: (TrackingEventRow & { shipmentId: string })[] = await manager.query(
      `SELECT k.id AS "shipmentId", ${TRACKING_EVENT_COLUMNS}
         FROM unnest($2::uuid[]) AS k(id)
         JOIN LATERAL (SELECT * FROM tracking_events t WHERE t.merchant_id = $1 AND t.shipment_id = k.id
                        ORDER BY t.occurred_at DESC, t.sequence DESC LIMIT 1) e ON true`,
      [merchantId, shipmentIds],
    );
    return new Map(rows.map(({ shipmentId, ...event }) => [shipmentId, event]));
  }
}
