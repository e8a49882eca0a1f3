import type { Type } from '@nestjs/common';
import { ConsentGuard } from './consent.guard';
import { DigestGuard } from './digest.guard';
import { FrequencyCapGuard } from './frequency-cap.guard';
import { PausedFlowGuard } from './paused-flow.guard';
import { QuietHoursGuard } from './quiet-hours.guard';
import type { SendGuard } from './send-guard';
import { StillTrueGuard } from './still-true.guard';

/**
 * Every send guard, in the order they are asked: a paused flow's messages are held before anything is judged
 * (they are judged afresh once resumed), what is no longer true or not consented is skipped, a digest combines
 * a split order's parcels into one message, quiet hours then defer what may go later, and the frequency cap
 * counts only what is about to leave.
 */
export const SEND_GUARD_CLASSES: Type<SendGuard>[] = [
  PausedFlowGuard,
  StillTrueGuard,
  ConsentGuard,
  DigestGuard,
  QuietHoursGuard,
  FrequencyCapGuard,
];
