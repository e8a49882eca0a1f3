import type { ReferenceState } from '@postino/flow-model';
import type { VersionPin } from '@postino/api-contract';

/** A thing a version refers to (a send node's template): the node, where in its config, what it names. */
export interface PinnableReference {
  nodeId: string;
  path: (string | number)[];
  kind: string;
  id: string;
}

/** The version of a referenced thing that is published now. */
export interface CurrentVersion {
  versionId: string;
  version: number;
}

/**
 * The merchant's referenced things by `kind:id`: their published version, or null for one never published.
 * Things that are not the merchant's (or do not exist) are absent.
 */
export type CurrentVersions = ReadonlyMap<string, CurrentVersion | null>;

export function referenceKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}

/** Whether a reference can be published with: only to something of the merchant's that is published. */
export function referenceState(current: CurrentVersions, reference: { kind: string; id: string }): ReferenceState {
  const version = current.get(referenceKey(reference.kind, reference.id));
  if (version === undefined) return 'missing';
  return version === null ? 'unpublished' : 'published';
}

/**
 * Pins every reference to the version published now: what the new version will use however often those things
 * are republished. Call it once every reference is known to be published.
 */
export function pinReferences(references: readonly PinnableReference[], current: CurrentVersions): VersionPin[] {
  return references.map(({ nodeId, path, kind, id }) => {
    const version = current.get(referenceKey(kind, id));
    if (!version) throw new Error(`${kind} ${id} has no published version to pin`);
    return { nodeId, path, kind, id, versionId: version.versionId, version: version.version };
  });
}

/** The same pins with every pin of `kind:id` moved to `to`. */
export function repin(pins: readonly VersionPin[], target: { kind: string; id: string }, to: CurrentVersion): VersionPin[] {
  return pins.map((pin) =>
    pin.kind === target.kind && pin.id === target.id ? { ...pin, versionId: to.versionId, version: to.version } : pin,
  );
}

/** The pinned version of `kind:id` at a node, by node id; what a step of that node uses. */
export function pinsByNode(pins: readonly VersionPin[]): Map<string, Map<string, string>> {
  const byNode = new Map<string, Map<string, string>>();
  for (const pin of pins) {
    const node = byNode.get(pin.nodeId) ?? new Map<string, string>();
    node.set(referenceKey(pin.kind, pin.id), pin.versionId);
    byNode.set(pin.nodeId, node);
  }
  return byNode;
}
