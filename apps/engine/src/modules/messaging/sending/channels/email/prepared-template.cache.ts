import { Injectable } from '@nestjs/common';
import { prepareEmailTemplate, PreparedEmailTemplate } from '@postino/templating';

const CAPACITY = 1000;

/**
 * Template versions are immutable, so their parsed Liquid is kept per version id (least recently used
 * out) and the version's HTML is read from Postgres only on a miss.
 */
@Injectable()
export class PreparedTemplateCache {
  private readonly entries = new Map<string, PreparedEmailTemplate>();

  async get(
    versionId: string,
    load: () => Promise<{ subject: string; html: string } | null>,
  ): Promise<PreparedEmailTemplate | null> {
    let prepared = this.entries.get(versionId);
    if (prepared) {
      this.entries.delete(versionId);
    } else {
      const version = await load();
      if (!version) return null;
      prepared = prepareEmailTemplate(version);
      if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(versionId, prepared);
    return prepared;
  }
}
