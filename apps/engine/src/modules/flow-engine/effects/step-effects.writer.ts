import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PendingEffect, STEP_EFFECT_KINDS, StepEffectKind } from './step-effect';

/**
 * Writes a batch's effects in the settlement transaction: each registered kind gets all of its requests in
 * one call, and kinds are written in registry order, so two batches always take their row locks in the same
 * order and cannot deadlock on each other.
 */
@Injectable()
export class StepEffectsWriter {
  private readonly registered: ReadonlySet<StepEffectKind>;

  constructor(@Inject(STEP_EFFECT_KINDS) private readonly kinds: StepEffectKind[]) {
    this.registered = new Set(kinds);
  }

  async writeAll(manager: EntityManager, effects: readonly PendingEffect[], at: Date): Promise<void> {
    for (const effect of effects) {
      if (!this.registered.has(effect.kind)) throw new Error(`the effect kind ${effect.kind.name} is not listed in effects/index.ts`);
    }
    for (const kind of this.kinds) {
      const mine = effects.filter((effect) => effect.kind === kind);
      if (mine.length > 0) await kind.write(manager, mine, at);
    }
  }
}
