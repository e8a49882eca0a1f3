import { Injectable } from '@nestjs/common';
import { ApiError } from '../../common/http/api-error';
import { CapturedEmailRepository, CapturedEmailRow } from './captured-email.repository';
import { normalizeMessageId } from './message-id';
import { encodeOutboxCursor, OutboxCursor } from './outbox-cursor';

export interface OutboxItem {
  id: string;
  receivedAt: Date;
  from: string | null;
  to: string | null;
  subject: string | null;
  /** Without angle brackets, as in the message it was sent for. */
  messageId: string | null;
  shipmentId: string;
}

export interface OutboxItemWithContent extends OutboxItem {
  html: string | null;
  text: string | null;
}

export interface OutboxPage {
  items: OutboxItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

function toItem(row: CapturedEmailRow): OutboxItem {
  return {
    id: row.id,
    receivedAt: row.receivedAt,
    from: row.from,
    to: row.to,
    subject: row.subject,
    messageId: normalizeMessageId(row.messageId),
    shipmentId: row.shipmentId,
  };
}

@Injectable()
export class OutboxService {
  constructor(private readonly captures: CapturedEmailRepository) {}

  async list(merchantId: string, after: OutboxCursor | null, limit: number): Promise<OutboxPage> {
    // One row more than asked tells whether there is a next page without a count query.
    const rows = await this.captures.listPage(merchantId, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toItem),
      nextCursor: rows.length > limit && last ? encodeOutboxCursor({ receivedAt: last.cursorAt, id: last.id }) : null,
    };
  }

  async get(merchantId: string, id: string): Promise<OutboxItemWithContent> {
    const row = await this.captures.find(merchantId, id);
    if (!row) throw ApiError.notFound('Captured e-mail');
    return { ...toItem(row), html: row.html, text: row.text };
  }
}
