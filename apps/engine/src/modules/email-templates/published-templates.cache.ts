import { Injectable } from '@nestjs/common';
import { EmailTemplateRepository } from './email-template.repository';

interface Entry {
  revision: string;
  /** Template id → its latest published version id, or null when it has none. */
  latest: Map<string, string | null>;
}

export interface TemplateLookup {
  merchantId: string;
  /** The merchant's publication revision, read with the caller's batch. */
  revision: string;
  templateId: string;
}

/**
 * Which version of a template sends use (its latest published one), kept per engine and merchant for the
 * publication revision it was read under; a publish bumps the revision. A batch's misses load in one query.
 */
@Injectable()
export class PublishedTemplatesCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly templates: EmailTemplateRepository) {}

  /** Answers, for each lookup, the version id or null; keyed `merchantId:templateId`. */
  async latestVersionIds(lookups: TemplateLookup[]): Promise<Map<string, string | null>> {
    const misses: TemplateLookup[] = [];
    for (const lookup of lookups) {
      let entry = this.entries.get(lookup.merchantId);
      if (entry?.revision !== lookup.revision) {
        entry = { revision: lookup.revision, latest: new Map() };
        this.entries.set(lookup.merchantId, entry);
      }
      if (!entry.latest.has(lookup.templateId)) misses.push(lookup);
    }
    if (misses.length > 0) {
      const found = await this.templates.latestVersionIdsOf(misses);
      for (const miss of misses) {
        this.entries.get(miss.merchantId)?.latest.set(miss.templateId, found.get(`${miss.merchantId}:${miss.templateId}`) ?? null);
      }
    }
    return new Map(
      lookups.map((l) => [`${l.merchantId}:${l.templateId}`, this.entries.get(l.merchantId)?.latest.get(l.templateId) ?? null]),
    );
  }
}
