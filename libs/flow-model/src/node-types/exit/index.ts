export { exitNodeType } from './exit';
export type { ExitConfig } from './exit';
