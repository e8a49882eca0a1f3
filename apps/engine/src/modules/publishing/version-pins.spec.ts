import { describe, expect, it } from 'vitest';
import { CurrentVersions, pinReferences, pinsByNode, referenceKey, referenceState, repin } from './version-pins';

const WELCOME = '11111111-1111-4111-8111-111111111111';
const REVIEW = '22222222-2222-4222-8222-222222222222';
const NEVER = '33333333-3333-4333-8333-333333333333';

const current: CurrentVersions = new Map([
  [referenceKey('email_template', WELCOME), { versionId: 'welcome-v3', version: 3 }],
  [referenceKey('email_template', REVIEW), { versionId: 'review-v1', version: 1 }],
  [referenceKey('email_template', NEVER), null],
]);

const reference = (nodeId: string, id: string) => ({ nodeId, path: ['templateId'], kind: 'email_template', id });

describe('version pins', () => {
  it('tells a published reference from a never published one and from one that is not the merchant’s', () => {
    expect(referenceState(current, { kind: 'email_template', id: WELCOME })).toBe('published');
    expect(referenceState(current, { kind: 'email_template', id: NEVER })).toBe('unpublished');
    expect(referenceState(current, { kind: 'email_template', id: '44444444-4444-4444-8444-444444444444' })).toBe('missing');
  });

  it('pins each reference to the version published now', () => {
    expect(pinReferences([reference('a', WELCOME), reference('b', REVIEW)], current)).toEqual([
      { nodeId: 'a', path: ['templateId'], kind: 'email_template', id: WELCOME, versionId: 'welcome-v3', version: 3 },
      { nodeId: 'b', path: ['templateId'], kind: 'email_template', id: REVIEW, versionId: 'review-v1', version: 1 },
    ]);
  });

  it('refuses to pin what has no published version (publishing checks references first)', () => {
    expect(() => pinReferences([reference('a', NEVER)], current)).toThrow(/no published version/);
  });

  it('moves every pin of one template, and only those, to a new version', () => {
    const pins = pinReferences([reference('a', WELCOME), reference('b', REVIEW), reference('c', WELCOME)], current);
    const moved = repin(pins, { kind: 'email_template', id: WELCOME }, { versionId: 'welcome-v4', version: 4 });
    expect(moved.map((pin) => [pin.nodeId, pin.versionId, pin.version])).toEqual([
      ['a', 'welcome-v4', 4],
      ['b', 'review-v1', 1],
      ['c', 'welcome-v4', 4],
    ]);
    expect(pins[0].versionId).toBe('welcome-v3');
  });

  it('finds a node’s pinned version by what it references', () => {
    const byNode = pinsByNode(pinReferences([reference('a', WELCOME), reference('b', REVIEW)], current));
    expect(byNode.get('a')?.get(referenceKey('email_template', WELCOME))).toBe('welcome-v3');
    expect(byNode.get('a')?.get(referenceKey('email_template', REVIEW))).toBeUndefined();
    expect(byNode.get('missing')).toBeUndefined();
  });
});
