import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestedEffect, StepEffectKind } from '../step-effect';

/** An alert an alert_team step opens: what the team reads. */
export interface TeamAlertRequest {
  title: string;
  note: string | null;
}

/** Alerts of the alert_team node: one INSERT per batch, one alert per (run, node) however often it is asked. */
@Injectable()
export class TeamAlertEffect implements StepEffectKind<TeamAlertRequest> {
  readonly name = 'team alerts';
  readonly readByLaterSteps = false;

  async write(manager: EntityManager, effects: readonly RequestedEffect<TeamAlertRequest>[], at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO alerts (merchant_id, run_id, node_id, shipment_id, title, note, created_at, updated_at)
       SELECT merchant_id, run_id, node_id, shipment_id, title, note, $7, $7
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[])
              AS u(merchant_id, run_id, node_id, shipment_id, title, note)
       ON CONFLICT (run_id, node_id) DO NOTHING`,
      [
        effects.map((e) => e.origin.merchantId),
        effects.map((e) => e.origin.runId),
        effects.map((e) => e.origin.nodeId),
        effects.map((e) => e.origin.shipmentId),
        effects.map((e) => e.request.title),
        effects.map((e) => e.request.note),
        at,
      ],
    );
  }
}
