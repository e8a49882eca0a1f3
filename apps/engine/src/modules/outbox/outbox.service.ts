import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../common/http/api-error';
import { encodeOutboxCursor, OutboxCursor } from './outbox-cursor';
import { OUTBOX_SOURCES, OutboxItem, OutboxSource } from './outbox-source';

export interface OutboxPage {
  items: OutboxItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Newest first, by (received time, id): the order every source lists in, so merged pages stay in it. */
const newestFirst = (a: { cursorAt: string; id: string }, b: { cursorAt: string; id: string }) =>
  a.cursorAt === b.cursorAt ? (a.id < b.id ? 1 : -1) : a.cursorAt < b.cursorAt ? 1 : -1;

/** What the local capture servers (SMTP, SMS) received for this merchant's messages, all channels in one list. */
@Injectable()
export class OutboxService {
  constructor(@Inject(OUTBOX_SOURCES) private readonly sources: OutboxSource[]) {}

  async list(merchantId: string, channel: string | null, after: OutboxCursor | null, limit: number): Promise<OutboxPage> {
    const sources = this.sources.filter((source) => channel === null || source.channel === channel);
    if (sources.length === 0) {
      const known = this.sources.map((source) => source.channel).join(', ');
      throw ApiError.validation([{ field: 'channel', message: `must be one of ${known}` }]);
    }
    // One row more than asked, from each source, tells whether there is a next page without a count query.
    const pages = await Promise.all(sources.map((source) => source.listPage(merchantId, after, limit + 1)));
    const rows = pages.flat().sort(newestFirst);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ cursorAt: _, ...item }) => item),
      nextCursor: rows.length > limit && last ? encodeOutboxCursor({ receivedAt: last.cursorAt, id: last.id }) : null,
    };
  }

  async get(merchantId: string, id: string): Promise<OutboxItem> {
    const found = await Promise.all(this.sources.map((source) => source.find(merchantId, id)));
    const item = found.find((candidate) => candidate !== null);
    if (!item) throw ApiError.notFound('Captured message');
    return item;
  }
}
