export { normalizeTag, TAG_MAX_LENGTH, TAGS_PER_HOLDER, TAGS_PER_NODE, tagNodeType } from './tag';
export type { TagConfig } from './tag';
