import type { Type } from '@nestjs/common';
import { ConsentGuard } from './consent.guard';
import { FrequencyCapGuard } from './frequency-cap.guard';
import { QuietHoursGuard } from './quiet-hours.guard';
import type { SendGuard } from './send-guard';
import { StillTrueGuard } from './still-true.guard';

/**
 * Every send guard, in the order they are asked: what is no longer true or not consented is skipped first,
 * quiet hours then defer what may go later, and the frequency cap counts only what is about to leave.
 */
export const SEND_GUARD_CLASSES: Type<SendGuard>[] = [StillTrueGuard, ConsentGuard, QuietHoursGuard, FrequencyCapGuard];
