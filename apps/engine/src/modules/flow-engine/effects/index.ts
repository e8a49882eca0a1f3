import type { Type } from '@nestjs/common';
import type { StepEffectKind } from './step-effect';
import { TeamAlertEffect } from './alert/team-alert.effect';
import { TagChangesEffect } from './tag/tag-changes.effect';

/**
 * Every kind of row a step may ask for besides messages, one folder each. They are written in this order in
 * every settlement, so batches take their locks in one order.
 */
export const STEP_EFFECT_CLASSES: Type<StepEffectKind>[] = [TagChangesEffect, TeamAlertEffect];
