import { classicThreeStarter } from './classic-three';
import { exceptionApologyStarter } from './exception-apology';
import { outForDeliveryAbStarter } from './out-for-delivery-ab';
import { reviewRequestStarter } from './review-request';
import type { StarterFlow } from './starter-flow';

export type { StarterFlow } from './starter-flow';

/** The flows a marketer can start a draft from, in the order the studio offers them. A new one is a file here. */
export const STARTER_FLOWS: readonly StarterFlow[] = [
  classicThreeStarter,
  outForDeliveryAbStarter,
  reviewRequestStarter,
  exceptionApologyStarter,
];
