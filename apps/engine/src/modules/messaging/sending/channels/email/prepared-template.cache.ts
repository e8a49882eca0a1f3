import { Injectable } from '@nestjs/common';
import { prepareEmailTemplate, PreparedEmailTemplate } from '@postino/templating';
import { EmailTemplatesService } from '../../../../email-templates/email-templates.service';

const CAPACITY = 1000;

/**
 * Template versions are immutable, so their parsed Liquid is kept per version id (least recently used out);
 * a batch's misses are read from Postgres in one query.
 */
@Injectable()
export class PreparedTemplateCache {
  private readonly entries = new Map<string, PreparedEmailTemplate>();

  constructor(private readonly templates: EmailTemplatesService) {}

  async getMany(keys: { merchantId: string; versionId: string }[]): Promise<Map<string, PreparedEmailTemplate>> {
    const byVersion = new Map(keys.map((k) => [k.versionId, k]));
    const missing = [...byVersion.values()].filter((k) => !this.entries.has(k.versionId));
    if (missing.length > 0) {
      for (const version of await this.templates.versionContents(missing)) {
        if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(version.id, prepareEmailTemplate(version));
      }
    }
    const found = new Map<string, PreparedEmailTemplate>();
    for (const versionId of byVersion.keys()) {
      const prepared = this.entries.get(versionId);
      if (!prepared) continue;
      this.entries.delete(versionId);
      this.entries.set(versionId, prepared);
      found.set(versionId, prepared);
    }
    return found;
  }
}
