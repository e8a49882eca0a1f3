import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockKeysInOrder } from './recipient-locks';

/** One digest of one merchant: `digestKey` is the sha256 of flow, node, order and lower-cased recipient. */
export interface DigestKey {
  merchantId: string;
  digestKey: string;
}

/** The message that opened a digest, and when: the others of its window are combined into it. */
export interface DigestEntry extends DigestKey {
  messageId: string;
  openedAt: Date;
}

export const digestKeyText = (k: DigestKey) => `digest:${k.merchantId}:${k.digestKey}`;

/** The messages that opened a digest window, decided under each digest's lock. */
@Injectable()
export class DigestLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * In one transaction: locks every digest of `keys` (one global order), reads the digests they opened since
   * `since` and those opened by `messageIds` (whatever their age: a deferred opener comes back to its own),
   * lets `decide` choose which messages open a digest, and records them before the locks are released — so two
   * parcels judged at once by two senders cannot both open one. Three statements.
   */
  async decideLocked<T>(
    keys: DigestKey[],
    messageIds: string[],
    since: Date,
    decide: (entries: DigestEntry[]) => { record: DigestEntry[]; result: T },
  ): Promise<T> {
    return this.db.transaction(async (manager) => {
      await lockKeysInOrder(manager, keys.map(digestKeyText));
      const entries: DigestEntry[] = await manager.query(
        `SELECT l.merchant_id AS "merchantId", l.digest_key AS "digestKey", l.message_id AS "messageId", l.opened_at AS "openedAt"
           FROM digest_ledger l
           JOIN unnest($1::uuid[], $2::text[]) AS k(merchant_id, digest_key)
             ON l.merchant_id = k.merchant_id AND l.digest_key = k.digest_key
          WHERE l.opened_at > $3 OR l.message_id = ANY($4::uuid[])`,
        [keys.map((k) => k.merchantId), keys.map((k) => k.digestKey), since, messageIds],
      );
      const { record, result } = decide(entries);
      if (record.length > 0) {
        await manager.query(
          `INSERT INTO digest_ledger (message_id, merchant_id, digest_key, opened_at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
           ON CONFLICT (message_id) DO NOTHING`,
          [record.map((r) => r.messageId), record.map((r) => r.merchantId), record.map((r) => r.digestKey), record.map((r) => r.openedAt)],
        );
      }
      return result;
    });
  }
}
