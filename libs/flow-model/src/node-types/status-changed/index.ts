export { statusChangedNodeType } from './status-changed';
export type { StatusChangedConfig } from './status-changed';
