import { Injectable } from '@nestjs/common';
import type { VersionPin } from '@postino/api-contract';
import type { FlowDocument, FlowNode, NodeReference } from '@postino/flow-model';
import { BatchLoadingCache } from '../../common/batching/batch-loading-cache';
import { pinsByNode, referenceKey } from '../publishing/version-pins';
import { FlowRepository } from './flow.repository';

type VersionKey = { merchantId: string; versionId: string };

const CAPACITY = 5_000;

/** The exact versions of what one node references, pinned when its flow version was published. */
export interface PinnedVersions {
  /** The version id of `kind` `id` this node uses; undefined when the version pinned none. */
  versionOf(kind: NodeReference['kind'], id: string): string | undefined;
}

/** A published version, with its nodes by id and its edges by exit (runs look both up on every step). */
export interface CachedFlowVersion {
  id: string;
  flowId: string;
  definition: FlowDocument;
  nodes: Map<string, FlowNode>;
  /** The nodes an exit leads to, in edge order. */
  next(nodeId: string, port: string): readonly FlowNode[];
  /** What a node's references are pinned to (a send node's template version). */
  pinnedAt(nodeId: string): PinnedVersions;
}

export function indexFlowVersion(version: {
  id: string;
  flowId: string;
  definition: FlowDocument;
  pins: readonly VersionPin[];
}): CachedFlowVersion {
  const { id, flowId, definition } = version;
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const byExit = new Map<string, FlowNode[]>();
  for (const edge of definition.edges) {
    const target = nodes.get(edge.to);
    if (!target) continue;
    const key = `${edge.from}\u0000${edge.fromPort}`;
    byExit.set(key, [...(byExit.get(key) ?? []), target]);
  }
  const pins = pinsByNode(version.pins);
  return {
    id,
    flowId,
    definition,
    nodes,
    next: (nodeId, port) => byExit.get(`${nodeId}\u0000${port}`) ?? [],
    pinnedAt: (nodeId) => ({ versionOf: (kind, referencedId) => pins.get(nodeId)?.get(referenceKey(kind, referencedId)) }),
  };
}

/** Flow versions are immutable, so each is read once per engine, a batch's misses in one query. */
@Injectable()
export class FlowVersionCache {
  private readonly cache: BatchLoadingCache<VersionKey, CachedFlowVersion>;

  constructor(flows: FlowRepository) {
    this.cache = new BatchLoadingCache(CAPACITY, (key) => key.versionId, async (missing) => {
      const loaded = await flows.definitionsOf(missing);
      return new Map(loaded.map((version) => [version.id, indexFlowVersion(version)]));
    });
  }

  getMany(keys: VersionKey[]): Promise<Map<string, CachedFlowVersion>> {
    return this.cache.getMany(keys);
  }
}
