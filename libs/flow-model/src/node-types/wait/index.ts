export { MAX_WAIT_DAYS, waitDurationMs, waitNodeType } from './wait';
export type { WaitConfig } from './wait';
