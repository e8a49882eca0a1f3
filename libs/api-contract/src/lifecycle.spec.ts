import { describe, expect, it } from 'vitest';
import {
  applyLifecycleAction,
  availableLifecycleActions,
  isHeld,
  isLive,
  LifecycleFacts,
  publicationStatus,
  publishRequestSchema,
  revisionSchema,
} from './lifecycle';

const draft: LifecycleFacts = { published: false, paused: false, archived: false };
const live: LifecycleFacts = { published: true, paused: false, archived: false };
const paused: LifecycleFacts = { published: true, paused: true, archived: false };
const archivedLive: LifecycleFacts = { published: true, paused: false, archived: true };

const after = (facts: LifecycleFacts, action: Parameters<typeof applyLifecycleAction>[1]) => {
  const outcome = applyLifecycleAction(facts, action, 'The flow');
  return outcome.ok ? publicationStatus(outcome.next) : outcome.reason;
};

describe('the publication lifecycle', () => {
  it('reads a status from the state columns, archived first', () => {
    expect([draft, live, paused, archivedLive, { ...paused, archived: true }].map(publicationStatus)).toEqual([
      'draft',
      'published',
      'paused',
      'archived',
      'archived',
    ]);
  });

  it('starts new work only when published and neither paused nor archived; holds started work when paused or archived', () => {
    expect([draft, live, paused, archivedLive].map(isLive)).toEqual([false, true, false, false]);
    expect([draft, live, paused, archivedLive].map(isHeld)).toEqual([false, false, true, true]);
  });

  it('pauses only what is published, and resumes it', () => {
    expect(after(live, 'pause')).toBe('paused');
    expect(after(paused, 'resume')).toBe('published');
    expect(after(draft, 'pause')).toBe('The flow is not published: there is nothing to pause');
  });

  it('changes nothing when an action already holds, so retries are harmless', () => {
    expect(after(paused, 'pause')).toBe('paused');
    expect(after(live, 'resume')).toBe('published');
    expect(after(live, 'unarchive')).toBe('published');
    expect(after({ ...live, archived: true }, 'archive')).toBe('archived');
  });

  it('keeps a paused flow paused when a new version is published', () => {
    expect(after(paused, 'publish')).toBe('paused');
    expect(after(draft, 'publish')).toBe('published');
  });

  it('refuses to publish, pause, resume or unpublish an archived flow', () => {
    for (const action of ['publish', 'pause', 'resume', 'unpublish'] as const) {
      expect(after(archivedLive, action)).toBe('The flow is archived: unarchive it first');
    }
  });

  it('brings an archived published flow back paused, and an archived draft back as a draft', () => {
    expect(after(archivedLive, 'unarchive')).toBe('paused');
    expect(after({ ...draft, archived: true }, 'unarchive')).toBe('draft');
  });

  it('unpublishes a live or paused flow back to a draft', () => {
    expect(after(live, 'unpublish')).toBe('draft');
    expect(after(paused, 'unpublish')).toBe('draft');
  });

  it('offers the actions that change something', () => {
    expect(availableLifecycleActions(draft)).toEqual(['publish', 'archive']);
    expect(availableLifecycleActions(live)).toEqual(['publish', 'pause', 'archive', 'unpublish']);
    expect(availableLifecycleActions(paused)).toEqual(['publish', 'resume', 'archive', 'unpublish']);
    expect(availableLifecycleActions(archivedLive)).toEqual(['unarchive']);
  });

  it('asks for a whole positive revision, naming what is wrong', () => {
    expect(revisionSchema.safeParse(3).success).toBe(true);
    for (const [input, message] of [
      [undefined, 'is required'],
      ['3', 'must be a number'],
      [1.5, 'must be a whole number'],
      [0, 'must be at least 1'],
    ] as const) {
      expect(revisionSchema.safeParse(input).error?.issues[0].message).toBe(message);
    }
    expect(publishRequestSchema.parse(undefined)).toEqual({});
  });
});
