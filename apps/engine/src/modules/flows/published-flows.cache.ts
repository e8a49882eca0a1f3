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
  flows: PublishedFlow[];
}

/**
 * The published flow versions of each merchant, kept per engine. An entry is good for the publication
 * revision it was loaded under: callers pass the revision they read with their batch, and a publish anywhere
 * (which bumps it) makes the next batch reload. All stale merchants of a batch load in one query.
 */
@Injectable()
export class PublishedFlowsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly flows: FlowRepository) {}

  async forMerchants(revisions: Map<string, string>): Promise<Map<string, PublishedFlow[]>> {
    const stale = [...revisions].filter(([merchantId, revision]) => this.entries.get(merchantId)?.revision !== revision);
    if (stale.length > 0) {
      const loaded = await this.flows.publishedVersionsOf(stale.map(([merchantId]) => merchantId));
      for (const [merchantId, revision] of stale) this.entries.set(merchantId, { revision, flows: [] });
      for (const { merchantId, flowId, versionId, definition } of loaded) {
        this.entries.get(merchantId)?.flows.push({ flowId, version: indexFlowVersion(versionId, flowId, definition) });
      }
    }
    return new Map([...revisions.keys()].map((merchantId) => [merchantId, this.entries.get(merchantId)?.flows ?? []]));
  }
}
