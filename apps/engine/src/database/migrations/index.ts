import { Foundation1764000000000 } from './1764000000000-foundation';
import { Spine1764000000001 } from './1764000000001-spine';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [Foundation1764000000000, Spine1764000000001];
