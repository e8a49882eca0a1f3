import { Injectable } from '@nestjs/common';
import { CachedFlowVersion, indexFlowVersion } from './flow-version.cache';
import { FlowRepository } from './flow.repository';

/** A flow that triggers, with the version new runs start on. */
export interface PublishedFlow {
  flowId: string;
  version: CachedFlowVersion;
}

interface Entry {
  revision: string;
  /** Published, and neither paused nor archived. */
  flows: PublishedFlow[];
  /** Paused or archived: the work of their runs is held. */
  held: ReadonlySet<string>;
}

/**
 * What each merchant's flows do now, kept per engine: the published versions that trigger, and the flows whose
 * runs' work is held (paused or archived). An entry is good for the publication revision it was loaded under:
 * callers pass the revision they read with their batch, and a publish, pause, resume or archive anywhere (each
 * bumps it) makes the next batch reload. All stale merchants of a batch load in one query.
 */
@Injectable()
export class PublishedFlowsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly flows: FlowRepository) {}

  /** The flows that trigger: a paused or archived flow starts no runs. */
  async forMerchants(revisions: Map<string, string>): Promise<Map<string, PublishedFlow[]>> {
    await this.load(revisions);
    return new Map([...revisions.keys()].map((merchantId) => [merchantId, this.entries.get(merchantId)?.flows ?? []]));
  }

  /** The ids of the flows whose runs' due work must wait. */
  async heldFlows(revisions: Map<string, string>): Promise<Map<string, ReadonlySet<string>>> {
    await this.load(revisions);
    return new Map([...revisions.keys()].map((merchantId) => [merchantId, this.entries.get(merchantId)?.held ?? new Set()]));
  }

  private async load(revisions: Map<string, string>): Promise<void> {
    const stale = [...revisions].filter(([merchantId, revision]) => this.entries.get(merchantId)?.revision !== revision);
    if (stale.length === 0) return;
    const loaded = await this.flows.loadedFlowsOf(stale.map(([merchantId]) => merchantId));
    const fresh = new Map(stale.map(([merchantId, revision]) => [merchantId, { revision, flows: [] as PublishedFlow[], held: new Set<string>() }]));
    for (const { merchantId, flowId, held, live } of loaded) {
      const entry = fresh.get(merchantId);
      if (held) entry?.held.add(flowId);
      if (live) entry?.flows.push({ flowId, version: indexFlowVersion({ id: live.versionId, flowId, ...live }) });
    }
    for (const [merchantId, entry] of fresh) this.entries.set(merchantId, entry);
  }
}
