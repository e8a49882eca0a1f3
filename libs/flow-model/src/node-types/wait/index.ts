export { waitNodeType } from './wait';
export type { WaitConfig } from './wait';
export { nextWindowOpening } from './local-window';
export type { LocalWindow } from './local-window';
