import { Injectable } from '@nestjs/common';
import type { FlowDocument, FlowNode } from '@postino/flow-model';
import { BatchLoadingCache } from '../../common/batching/batch-loading-cache';
import { FlowRepository } from './flow.repository';

type VersionKey = { merchantId: string; versionId: string };

const CAPACITY = 5_000;

/** A published version, with its nodes by id and its edges by exit (runs look both up on every step). */
export interface CachedFlowVersion {
  id: string;
  flowId: string;
  definition: FlowDocument;
  nodes: Map<string, FlowNode>;
  /** The nodes an exit leads to, in edge order. */
  next(nodeId: string, port: string): readonly FlowNode[];
}

export function indexFlowVersion(id: string, flowId: string, definition: FlowDocument): CachedFlowVersion {
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const byExit = new Map<string, FlowNode[]>();
  for (const edge of definition.edges) {
    const target = nodes.get(edge.to);
    if (!target) continue;
    const key = `${edge.from}\u0000${edge.fromPort}`;
    byExit.set(key, [...(byExit.get(key) ?? []), target]);
  }
  return { id, flowId, definition, nodes, next: (nodeId, port) => byExit.get(`${nodeId}\u0000${port}`) ?? [] };
}

/** Flow versions are immutable, so each is read once per engine, a batch's misses in one query. */
@Injectable()
export class FlowVersionCache {
  private readonly cache: BatchLoadingCache<VersionKey, CachedFlowVersion>;

  constructor(flows: FlowRepository) {
    this.cache = new BatchLoadingCache(CAPACITY, (key) => key.versionId, async (missing) => {
      const loaded = await flows.definitionsOf(missing);
      return new Map(loaded.map(({ id, flowId, definition }) => [id, indexFlowVersion(id, flowId, definition)]));
    });
  }

  getMany(keys: VersionKey[]): Promise<Map<string, CachedFlowVersion>> {
    return this.cache.getMany(keys);
  }
}
