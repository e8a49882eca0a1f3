export { abSplitNodeType } from './ab-split';
export type { AbSplitConfig } from './ab-split';
export { assignmentPoint, assignVariant, customerKeyOf, experimentIdOf, HOLDOUT } from './assignment';
export type { SplitSettings } from './assignment';
