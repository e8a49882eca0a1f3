import { Injectable } from '@nestjs/common';
import { prepareEmailTemplate, PreparedEmailTemplate } from '@postino/templating';

const CAPACITY = 1000;

/** Template versions are immutable, so their parsed Liquid is kept per version id (least recently used out). */
@Injectable()
export class PreparedTemplateCache {
  private readonly entries = new Map<string, PreparedEmailTemplate>();

  get(versionId: string, load: () => { subject: string; html: string }): PreparedEmailTemplate {
    let prepared = this.entries.get(versionId);
    if (prepared) {
      this.entries.delete(versionId);
    } else {
      prepared = prepareEmailTemplate(load());
      if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(versionId, prepared);
    return prepared;
  }
}
