export { switchNodeType, switchPort } from './switch';
export type { SwitchConfig } from './switch';
