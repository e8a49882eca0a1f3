import { Injectable } from '@nestjs/common';
import { prepareEmailTemplate, PreparedEmailTemplate } from '@postino/templating';
import { BatchLoadingCache } from '../../../../../common/batching/batch-loading-cache';
import { EmailTemplatesService } from '../../../../email-templates/email-templates.service';

const CAPACITY = 1000;

type VersionKey = { merchantId: string; versionId: string };

/** Template versions are immutable, so their parsed Liquid is kept per version id; a batch's misses load in one query. */
@Injectable()
export class PreparedTemplateCache {
  private readonly cache: BatchLoadingCache<VersionKey, PreparedEmailTemplate>;

  constructor(templates: EmailTemplatesService) {
    this.cache = new BatchLoadingCache(CAPACITY, (key) => key.versionId, async (missing) => {
      const versions = await templates.versionContents(missing);
      return new Map(versions.map((version) => [version.id, prepareEmailTemplate(version)]));
    });
  }

  getMany(keys: VersionKey[]): Promise<Map<string, PreparedEmailTemplate>> {
    return this.cache.getMany(keys);
  }
}
