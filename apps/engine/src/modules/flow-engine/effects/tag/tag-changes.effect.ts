import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestedEffect, StepEffectKind } from '../step-effect';
import { netTagChanges, TagChange } from './tag-change';
import { applyTagChanges } from './tag-changes.repository';

/**
 * Tag changes of the tag node: a batch's changes folded per shipment and per customer, then applied to each
 * table in two statements (four per batch at most). Idempotent: adding a tag held, or removing one not held,
 * changes nothing. Later steps read tags (conditions), so the steps after a tag change run once it is committed.
 */
@Injectable()
export class TagChangesEffect implements StepEffectKind<TagChange> {
  readonly name = 'tag changes';
  readonly readByLaterSteps = true;

  async write(manager: EntityManager, effects: readonly RequestedEffect<TagChange>[]): Promise<void> {
    const of = (target: TagChange['target']) =>
      netTagChanges(effects.filter((e) => e.request.target === target).map((e) => ({ merchantId: e.origin.merchantId, change: e.request })));
    // Shipments first, as ingest and the other stages lock them before customers.
    await applyTagChanges(manager, 'shipments', of('shipment'));
    await applyTagChanges(manager, 'customers', of('customer'));
  }
}
