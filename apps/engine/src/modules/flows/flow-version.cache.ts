import { Injectable } from '@nestjs/common';
import type { FlowDocument, FlowNode } from '@postino/flow-model';
import { FlowRepository } from './flow.repository';

const CAPACITY = 5_000;

/** A published version, with its nodes by id and its edges by exit (runs look both up on every step). */
export interface CachedFlowVersion {
  id: string;
  definition: FlowDocument;
  nodes: Map<string, FlowNode>;
  /** The nodes an exit leads to, in edge order. */
  next(nodeId: string, port: string): readonly FlowNode[];
}

export function indexFlowVersion(id: string, definition: FlowDocument): CachedFlowVersion {
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const byExit = new Map<string, FlowNode[]>();
  for (const edge of definition.edges) {
    const target = nodes.get(edge.to);
    if (!target) continue;
    const key = `${edge.from}\u0000${edge.fromPort}`;
    byExit.set(key, [...(byExit.get(key) ?? []), target]);
  }
  return { id, definition, nodes, next: (nodeId, port) => byExit.get(`${nodeId}\u0000${port}`) ?? [] };
}

/** Flow versions are immutable, so each is read once per engine (least recently used out), a batch's misses in one query. */
@Injectable()
export class FlowVersionCache {
  private readonly entries = new Map<string, CachedFlowVersion>();

  constructor(private readonly flows: FlowRepository) {}

  async getMany(keys: { merchantId: string; versionId: string }[]): Promise<Map<string, CachedFlowVersion>> {
    const byVersion = new Map(keys.map((k) => [k.versionId, k]));
    const wanted = [...byVersion.keys()];
    const missing = [...byVersion.values()].filter((k) => !this.entries.has(k.versionId));
    if (missing.length > 0) {
      for (const { id, definition } of await this.flows.definitionsOf(missing)) {
        if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(id, indexFlowVersion(id, definition));
      }
    }
    const found = new Map<string, CachedFlowVersion>();
    for (const id of wanted) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      // Re-inserting marks it most recently used.
      this.entries.delete(id);
      this.entries.set(id, entry);
      found.set(id, entry);
    }
    return found;
  }
}
